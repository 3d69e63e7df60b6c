package cloud.lightpane.cli.diff;

/**
 * A difference as one JSON object, the shape of {@code -o jsonl} lines and of {@code -o json}'s
 * {@code differences}: {@code {"change", "service", "provider", "region", "id", "before", "after",
 * "fields"}}. {@code id} maps each identity column to its value (null when the rows were matched by
 * their whole content); {@code before} is null for an added row, {@code after} for a removed one;
 * {@code fields} lists the changed column keys of a changed row and is null otherwise.
 */
final class DifferenceJson {
  private DifferenceJson() {}

  static void append(StringBuilder out, Difference difference) {
    out.append("{\"change\":\"").append(difference.change().word()).append('"');
    out.append(",\"service\":");
    JsonValues.quote(out, difference.service());
    out.append(",\"provider\":");
    JsonValues.quote(out, difference.provider());
    out.append(",\"region\":");
    JsonValues.quote(out, difference.region());
    out.append(",\"id\":");
    if (difference.idColumns().isEmpty()) {
      out.append("null");
    } else {
      out.append('{');
      for (int i = 0; i < difference.idColumns().size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        JsonValues.quote(out, difference.idColumns().get(i));
        out.append(':').append(difference.idValues().get(i));
      }
      out.append('}');
    }
    out.append(",\"before\":").append(json(difference.before()));
    out.append(",\"after\":").append(json(difference.after()));
    out.append(",\"fields\":");
    if (difference.change() != Difference.Change.CHANGED) {
      out.append("null");
    } else {
      out.append('[');
      for (int i = 0; i < difference.fields().size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        JsonValues.quote(out, difference.fields().get(i));
      }
      out.append(']');
    }
    out.append('}');
  }

  private static String json(SnapshotRow row) {
    return row == null ? "null" : row.json();
  }
}
