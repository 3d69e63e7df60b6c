package cloud.lightpane.cli.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * A difference as people read it in a table or in Markdown: lines of four cells, {@code change},
 * the identity, {@code column} and {@code old -> new}. An added or removed row is one line; a
 * changed row is one line per changed column, each naming the row again so that every line stands
 * on its own (and greps).
 */
final class DiffLines {
  private DiffLines() {}

  /** The header of a section: the identity column is named after the service's identity. */
  static List<String> header(List<String> idColumns, String arrow) {
    String id = idColumns.isEmpty() ? "row" : idColumns.size() == 1 ? idColumns.get(0) : "id";
    return List.of("change", id, "column", "old " + arrow + " new");
  }

  static List<String[]> lines(Difference difference, String arrow) {
    String id = id(difference);
    List<String[]> lines = new ArrayList<>();
    if (difference.change() != Difference.Change.CHANGED) {
      lines.add(new String[] {difference.change().word(), id, "", ""});
      return lines;
    }
    for (String field : difference.fields()) {
      String before = JsonValues.display(difference.before().value(field));
      String after = JsonValues.display(difference.after().value(field));
      lines.add(new String[] {"changed", id, field, before + " " + arrow + " " + after});
    }
    return lines;
  }

  /**
   * The identity as text: the value of a single identity column, {@code col=value, ...} for
   * several, or the row's JSON when it was matched by its whole content.
   */
  static String id(Difference difference) {
    List<String> columns = difference.idColumns();
    if (columns.isEmpty()) {
      return difference.row().json();
    }
    if (columns.size() == 1) {
      return JsonValues.display(difference.idValues().get(0));
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        text.append(", ");
      }
      text.append(columns.get(i))
          .append('=')
          .append(JsonValues.display(difference.idValues().get(i)));
    }
    return text.toString();
  }
}
