package cloud.lightpane.cli.render;

/** One row as the renderers see it: cell text for tables and CSV, JSON for JSON Lines. */
public interface RowView {
  /**
   * The value under {@code key} as text: strings as they are, numbers and booleans as in JSON,
   * lists and objects as compact JSON; null when the row has no such key or the value is null.
   */
  String text(String key);

  /**
   * True when the value under {@code key} is a JSON string (the only values Excel may evaluate).
   */
  boolean isString(String key);

  /** Writes the whole row as a compact JSON object, every key the server sent included. */
  void writeJson(Appendable out) throws java.io.IOException;
}
