package cloud.lightpane.cli.shape;

import cloud.lightpane.client.discovery.Column;
import cloud.lightpane.client.discovery.DiscoveryHandler;
import cloud.lightpane.client.discovery.ResultMetadata;
import cloud.lightpane.client.discovery.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a {@link Shaping} to streamed results on their way to another handler, result by result
 * (service × region), with a {@link RowShaper}: filters as rows arrive, sorts in bounded memory and
 * passes at most {@code limit} rows on. Counts the rows it passes on, for {@code --fail-if-any}.
 *
 * <p>With only {@code --limit}, once the last expected result has its rows it throws {@link
 * EnoughRows} so that the rest of the response is not read; the caller ends the run normally.
 */
public final class ShapingHandler implements DiscoveryHandler {
  private final DiscoveryHandler next;
  private final RowShaper shaper;
  private final int expectedResults;
  private ResultMetadata metadata;
  private long total;
  private int results;

  /**
   * @param next where the shaped rows go
   * @param expectedResults how many results the run will have (to stop reading after the last)
   * @param sortBudget see {@link Shaping#SORT_BUDGET}
   */
  public ShapingHandler(
      DiscoveryHandler next, Shaping shaping, int expectedResults, long sortBudget) {
    this.next = next;
    this.shaper = new RowShaper(shaping, sortBudget);
    this.expectedResults = expectedResults;
  }

  /** The rows passed on so far, over every result. */
  public long rowsPassed() {
    return total;
  }

  @Override
  public void onResultStart(ResultMetadata metadata, List<Column> columns) {
    List<String> known = new ArrayList<>(columns.size());
    for (Column column : columns) {
      known.add(column.key());
    }
    shaper.start(metadata.service() + " in " + metadata.region(), known);
    this.metadata = metadata;
    results++;
    next.onResultStart(metadata, columns);
  }

  @Override
  public void onRow(Row row) {
    if (!shaper.offer(row, this::forward) && results >= expectedResults) {
      next.onResultEnd(metadata);
      metadata = null;
      throw new EnoughRows();
    }
  }

  @Override
  public void onResultEnd(ResultMetadata metadata) {
    shaper.finish(this::forward);
    if (this.metadata != null) {
      next.onResultEnd(metadata);
    }
    this.metadata = null;
  }

  private void forward(Row row) {
    next.onRow(row);
    total++;
  }

  /**
   * Thrown from {@link #onRow} when the last result has all the rows {@code --limit} wants: the
   * caller catches it and finishes the output as if the response had ended.
   */
  public static final class EnoughRows extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EnoughRows() {
      super("enough rows", null, false, false);
    }
  }
}
