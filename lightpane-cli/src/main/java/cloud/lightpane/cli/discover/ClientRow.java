package cloud.lightpane.cli.discover;

import cloud.lightpane.cli.render.JsonText;
import cloud.lightpane.cli.render.RowView;
import cloud.lightpane.client.discovery.Row;
import java.io.IOException;
import java.math.BigDecimal;

/** A client {@link Row} as the renderers see it. One instance is reused for every row. */
final class ClientRow implements RowView {
  private Row row;

  ClientRow wrap(Row row) {
    this.row = row;
    return this;
  }

  @Override
  public String text(String key) {
    Object value = row.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof String text) {
      return text;
    }
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Boolean
        || value instanceof java.math.BigInteger) {
      return value.toString();
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    // Doubles, lists and objects: their JSON text, as the server wrote them.
    return row.valueAsJson(key);
  }

  @Override
  public boolean isString(String key) {
    return row.get(key) instanceof String;
  }

  @Override
  public void writeJson(Appendable out) throws IOException {
    // Straight from the parsed values: no intermediate string per row.
    JsonText.write(out, row.asMap());
  }
}
