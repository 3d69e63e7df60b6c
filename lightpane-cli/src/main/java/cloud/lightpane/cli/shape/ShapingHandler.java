package cloud.lightpane.cli.shape;

import cloud.lightpane.client.discovery.Column;
import cloud.lightpane.client.discovery.DiscoveryHandler;
import cloud.lightpane.client.discovery.ResultMetadata;
import cloud.lightpane.client.discovery.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a {@link Shaping} to streamed results on their way to another handler, result by result
 * (service × region): filters as rows arrive, sorts in bounded memory ({@link RowSorter}) and
 * passes at most {@code limit} rows on. Counts the rows it passes on, for {@code --fail-if-any}.
 *
 * <p>With only {@code --limit}, once the last expected result has its rows it throws {@link
 * EnoughRows} so that the rest of the response is not read; the caller ends the run normally.
 */
public final class ShapingHandler implements DiscoveryHandler {
  private final DiscoveryHandler next;
  private final Shaping shaping;
  private final int expectedResults;
  private final long sortBudget;
  private ResultMetadata metadata;
  private RowSorter sorter;
  private long passed;
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
    this.shaping = shaping;
    this.expectedResults = expectedResults;
    this.sortBudget = sortBudget;
  }

  /** The rows passed on so far, over every result. */
  public long rowsPassed() {
    return total;
  }

  @Override
  public void onResultStart(ResultMetadata metadata, List<Column> columns) {
    checkKeys(metadata, columns);
    this.metadata = metadata;
    results++;
    passed = 0;
    if (!shaping.sortKeys().isEmpty()) {
      sorter = new RowSorter(shaping.sortKeys(), sortBudget);
    }
    next.onResultStart(metadata, columns);
  }

  @Override
  public void onRow(Row row) {
    for (Condition condition : shaping.conditions()) {
      if (!condition.test(row)) {
        return;
      }
    }
    if (sorter != null) {
      sorter.add(row);
      return;
    }
    if (!pass(row) && results >= expectedResults) {
      next.onResultEnd(metadata);
      metadata = null;
      throw new EnoughRows();
    }
  }

  @Override
  public void onResultEnd(ResultMetadata metadata) {
    if (sorter != null) {
      try (RowSorter sorting = sorter) {
        sorting.drain(this::pass);
      }
      sorter = null;
    }
    if (this.metadata != null) {
      next.onResultEnd(metadata);
    }
    this.metadata = null;
  }

  /** Passes a row on unless the limit is reached; false once no more rows are wanted. */
  private boolean pass(Row row) {
    if (shaping.limit() >= 0 && passed >= shaping.limit()) {
      return false;
    }
    next.onRow(row);
    passed++;
    total++;
    return shaping.limit() < 0 || passed < shaping.limit();
  }

  private void checkKeys(ResultMetadata metadata, List<Column> columns) {
    List<String> known = new ArrayList<>(columns.size());
    for (Column column : columns) {
      known.add(column.key());
    }
    for (String key : shaping.keys()) {
      if (!known.contains(key)) {
        throw new ShapeException(
            "Unknown column '"
                + key
                + "' for "
                + metadata.service()
                + " in "
                + metadata.region()
                + "; its columns are: "
                + String.join(", ", known));
      }
    }
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
