package cloud.lightpane.cli.shape;

import cloud.lightpane.client.discovery.Row;
import java.util.List;
import java.util.function.Consumer;

/**
 * The per-result core of {@code --where}, {@code --sort-by} and {@code --limit}, for every command
 * that shapes rows ({@code discover} through {@link ShapingHandler}, {@code keys list} directly):
 * checks that the options name known columns, keeps the rows that satisfy every condition, sorts
 * them in bounded memory ({@link RowSorter}) and hands at most {@code limit} rows to a sink.
 *
 * <p>One result at a time: {@link #start}, then {@link #offer} per row, then {@link #finish}.
 */
public final class RowShaper {
  private final Shaping shaping;
  private final long sortBudget;
  private RowSorter sorter;
  private long passed;

  /**
   * @param sortBudget see {@link Shaping#SORT_BUDGET}
   */
  public RowShaper(Shaping shaping, long sortBudget) {
    this.shaping = shaping;
    this.sortBudget = sortBudget;
  }

  /**
   * Starts a result.
   *
   * @param result the result in words, for the error ({@code "s3 in eu-west-2"})
   * @param columns the result's column keys
   * @throws ShapeException when an option names a key that is not one of {@code columns}
   */
  public void start(String result, List<String> columns) {
    for (String key : shaping.keys()) {
      if (!columns.contains(key)) {
        throw new ShapeException(
            "Unknown column '"
                + key
                + "' for "
                + result
                + "; its columns are: "
                + String.join(", ", columns));
      }
    }
    passed = 0;
    if (!shaping.sortKeys().isEmpty()) {
      sorter = new RowSorter(shaping.sortKeys(), sortBudget);
    }
  }

  /**
   * Offers one row of the result: filtered, then held for sorting or passed to {@code sink}.
   *
   * @return false once the result has all the rows {@code --limit} wants (without a sort)
   */
  public boolean offer(Row row, Consumer<Row> sink) {
    for (Condition condition : shaping.conditions()) {
      if (!condition.test(row)) {
        return true;
      }
    }
    if (sorter != null) {
      sorter.add(row);
      return true;
    }
    return pass(row, sink);
  }

  /** Ends the result: a sort hands its rows over, in order and up to the limit. */
  public void finish(Consumer<Row> sink) {
    if (sorter != null) {
      try (RowSorter sorting = sorter) {
        sorting.drain(row -> pass(row, sink));
      }
      sorter = null;
    }
  }

  /** Passes a row on unless the limit is reached; false once no more rows are wanted. */
  private boolean pass(Row row, Consumer<Row> sink) {
    if (shaping.limit() >= 0 && passed >= shaping.limit()) {
      return false;
    }
    sink.accept(row);
    passed++;
    return shaping.limit() < 0 || passed < shaping.limit();
  }
}
