package cloud.lightpane.cli.shape;

import cloud.lightpane.client.discovery.Row;
import java.math.BigDecimal;
import java.util.List;

/**
 * One {@code --sort-by KEY[:asc|:desc]}. Numbers (JSON numbers, or strings holding one) sort
 * numerically and before text; text sorts by Unicode code point; null and missing values sort last
 * in either direction.
 *
 * @param key the column
 * @param descending {@code :desc}
 */
public record SortKey(String key, boolean descending) {

  /**
   * Parses {@code KEY}, {@code KEY:asc} or {@code KEY:desc}.
   *
   * @throws ShapeException for an empty key or another suffix
   */
  public static SortKey parse(String text) {
    String key = text.trim();
    boolean descending = false;
    int colon = key.lastIndexOf(':');
    if (colon >= 0) {
      String direction = key.substring(colon + 1).trim();
      if (direction.equalsIgnoreCase("desc")) {
        descending = true;
      } else if (!direction.equalsIgnoreCase("asc")) {
        throw new ShapeException(
            "--sort-by '" + text + "': give KEY, KEY:asc or KEY:desc, e.g. --sort-by cpu:desc");
      }
      key = key.substring(0, colon).trim();
    }
    if (key.isEmpty()) {
      throw new ShapeException("--sort-by '" + text + "': name a column, e.g. --sort-by name");
    }
    return new SortKey(key, descending);
  }

  /** What a row sorts on for this key: a BigDecimal, a String, or null. */
  Object sortValue(Row row) {
    Object value = row.get(key);
    if (value == null) {
      return null;
    }
    BigDecimal number = Cells.number(value);
    return number != null ? number : Cells.text(row, key);
  }

  /** Compares two rows' sort values under every key in turn; 0 keeps their arrival order. */
  static int compare(List<SortKey> keys, Object[] a, Object[] b) {
    for (int i = 0; i < a.length; i++) {
      Object x = a[i];
      Object y = b[i];
      if (x == null || y == null) {
        if (x != y) {
          return x == null ? 1 : -1;
        }
        continue;
      }
      int order;
      if (x instanceof BigDecimal p && y instanceof BigDecimal q) {
        order = p.compareTo(q);
      } else if (x instanceof BigDecimal) {
        order = -1;
      } else if (y instanceof BigDecimal) {
        order = 1;
      } else {
        order = Cells.compareCodePoints((String) x, (String) y);
      }
      if (order != 0) {
        return keys.get(i).descending ? -order : order;
      }
    }
    return 0;
  }
}
