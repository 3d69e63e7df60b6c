package cloud.lightpane.cli.diff;

import cloud.lightpane.cli.render.TextTable;

/**
 * A snapshot that cannot be read as one: {@code old.jsonl:3: "row" must be a JSON object, found a
 * string}. The message names the file and the line, and shows control characters escaped, so that a
 * hostile file cannot write to the terminal through it.
 */
final class SnapshotException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final int LONGEST = 240;

  SnapshotException(String file, long line, String what) {
    super(TextTable.visible(file) + ":" + Math.max(1, line) + ": " + shorten(what));
  }

  private static String shorten(String what) {
    String shown = TextTable.visible(what);
    return shown.length() <= LONGEST ? shown : shown.substring(0, LONGEST) + "…";
  }
}
