package cloud.lightpane.cli.render;

import java.util.LinkedHashMap;
import java.util.Map;

/** A row for renderer tests, backed by a map of JSON-like values. */
final class MapRow implements RowView {
  private final Map<String, Object> values;

  MapRow(Map<String, Object> values) {
    this.values = new LinkedHashMap<>(values);
  }

  @Override
  public String text(String key) {
    Object value = values.get(key);
    if (value == null) {
      return null;
    }
    return value instanceof String s ? s : JsonText.toJson(value);
  }

  @Override
  public boolean isString(String key) {
    return values.get(key) instanceof String;
  }

  @Override
  public void writeJson(Appendable out) throws java.io.IOException {
    JsonText.write(out, values);
  }
}
