package cloud.lightpane.cli.shape;

import cloud.lightpane.cli.render.JsonText;
import cloud.lightpane.cli.render.RowView;
import cloud.lightpane.client.discovery.Row;
import java.io.IOException;

/** A client {@link Row} as the renderers see it. One instance is reused for every row. */
public final class ClientRow implements RowView {
  private Row row;

  /** Shows {@code row} through this view until the next call. */
  public ClientRow wrap(Row row) {
    this.row = row;
    return this;
  }

  @Override
  public String text(String key) {
    return Cells.text(row, key);
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
