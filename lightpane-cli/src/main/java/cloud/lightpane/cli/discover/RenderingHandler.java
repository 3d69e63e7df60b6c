package cloud.lightpane.cli.discover;

import cloud.lightpane.cli.render.Field;
import cloud.lightpane.cli.render.ResultInfo;
import cloud.lightpane.cli.render.RowRenderer;
import cloud.lightpane.cli.shape.ClientRow;
import cloud.lightpane.client.discovery.Column;
import cloud.lightpane.client.discovery.DiscoveryHandler;
import cloud.lightpane.client.discovery.ResultMetadata;
import cloud.lightpane.client.discovery.Row;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands the client's streamed results to a renderer, translating client types into the renderers'
 * own, so that renderers never see the client and the client never sees a format.
 */
final class RenderingHandler implements DiscoveryHandler {
  private final RowRenderer renderer;
  private final ClientRow view = new ClientRow();
  private ResultInfo current;

  RenderingHandler(RowRenderer renderer) {
    this.renderer = renderer;
  }

  @Override
  public void onResultStart(ResultMetadata metadata, List<Column> columns) {
    current = info(metadata);
    List<Field> fields = new ArrayList<>(columns.size());
    for (Column column : columns) {
      fields.add(new Field(column.key(), column.label()));
    }
    try {
      renderer.resultStart(current, fields);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void onRow(Row row) {
    try {
      renderer.row(view.wrap(row));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void onResultEnd(ResultMetadata metadata) {
    try {
      renderer.resultEnd(current);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    current = null;
  }

  static ResultInfo info(ResultMetadata metadata) {
    return new ResultInfo(
        metadata.service(),
        metadata.serviceLabel(),
        metadata.provider() == null ? null : metadata.provider().value(),
        metadata.region(),
        metadata.count(),
        metadata.timestamp() == null ? null : metadata.timestamp().toString());
  }
}
