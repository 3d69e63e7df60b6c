package cloud.lightpane.cli.shape;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code --where}, {@code --sort-by} and {@code --limit} ask of every result: keep the rows
 * that satisfy every condition, order them, keep the first {@code limit}.
 *
 * @param conditions all must hold
 * @param sortKeys in order of precedence (later keys break ties)
 * @param limit at most this many rows per result, or -1 for no limit
 */
public record Shaping(List<Condition> conditions, List<SortKey> sortKeys, long limit) {

  /** The estimated bytes of rows a sort holds in memory before it spills a run to disk. */
  public static final long SORT_BUDGET = 6L * 1024 * 1024;

  public Shaping {
    conditions = List.copyOf(conditions);
    sortKeys = List.copyOf(sortKeys);
  }

  /**
   * Parses the options as given on the command line.
   *
   * @param where the {@code --where} terms
   * @param sortBy the {@code --sort-by} keys
   * @param limit the {@code --limit}, or null
   * @throws ShapeException when a term or key cannot be parsed, or the limit is negative
   */
  public static Shaping parse(List<String> where, List<String> sortBy, Long limit) {
    List<Condition> conditions = new ArrayList<>();
    for (String term : where) {
      conditions.add(Condition.parse(term));
    }
    List<SortKey> keys = new ArrayList<>();
    for (String key : sortBy) {
      keys.add(SortKey.parse(key));
    }
    if (limit != null && limit < 0) {
      throw new ShapeException("--limit " + limit + ": give 0 or more rows, e.g. --limit 10");
    }
    return new Shaping(conditions, keys, limit == null ? -1 : limit);
  }

  /** True when no option is given: rows go through untouched. */
  public boolean isNone() {
    return conditions.isEmpty() && sortKeys.isEmpty() && limit < 0;
  }

  /** The column keys the options read, in the order given. */
  List<String> keys() {
    List<String> keys = new ArrayList<>();
    for (Condition condition : conditions) {
      keys.add(condition.key());
    }
    for (SortKey key : sortKeys) {
      keys.add(key.key());
    }
    return keys;
  }
}
