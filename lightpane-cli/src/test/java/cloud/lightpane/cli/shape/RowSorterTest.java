package cloud.lightpane.cli.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.client.discovery.Row;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RowSorterTest {
  private static Row row(int id, Object size, String name) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("id", (long) id);
    values.put("size", size);
    values.put("name", name);
    values.put("tags", List.of("a", Map.of("k", 1L)));
    return Row.of(values);
  }

  private static List<Long> sorted(List<Row> rows, List<SortKey> keys, long budget) {
    List<Long> ids = new ArrayList<>();
    try (RowSorter sorter = new RowSorter(keys, budget)) {
      rows.forEach(sorter::add);
      if (budget < 10_000) {
        assertTrue(sorter.runCount() > 3, "the small budget spills runs: " + sorter.runCount());
      }
      sorter.drain(
          row -> {
            ids.add(row.getLong("id"));
            return true;
          });
    }
    return ids;
  }

  @Test
  void spilledRunsMergeToTheSameStableOrderAsAnInMemorySort() {
    Random random = new Random(42);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      Object size = random.nextInt(10) == 0 ? null : (long) random.nextInt(50);
      rows.add(row(i, size, "n" + random.nextInt(7)));
    }
    // Independent: Java's stable sort on plain fields, nulls last, size descending, then name.
    List<Row> expectedRows = new ArrayList<>(rows);
    expectedRows.sort(
        Comparator.<Row, Long>comparing(
                r -> r.getLong("size"), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(r -> r.getString("name")));
    List<Long> expected = new ArrayList<>();
    expectedRows.forEach(r -> expected.add(r.getLong("id")));

    List<SortKey> keys = List.of(SortKey.parse("size:desc"), SortKey.parse("name"));
    assertEquals(expected, sorted(rows, keys, 4_000));
    assertEquals(expected, sorted(rows, keys, Long.MAX_VALUE));
  }

  @Test
  void spilledRowsComeBackWithEveryValueIntact() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      rows.add(row(i, new BigDecimal("1.50"), "ünïcode \uD83D\uDE00 " + (200 - i)));
    }
    List<Row> back = new ArrayList<>();
    try (RowSorter sorter = new RowSorter(List.of(SortKey.parse("id:desc")), 1_000)) {
      rows.forEach(sorter::add);
      sorter.drain(back::add);
    }
    assertEquals(200, back.size());
    assertEquals(rows.get(199), back.get(0));
    assertEquals(rows.get(0), back.get(199));
  }

  @Test
  void numbersBeforeTextAndTextByCodePoint() {
    List<Row> rows =
        List.of(
            row(0, "\uFF5E", "x"), // U+FF5E, above the surrogates in UTF-16 but below U+1F600
            row(1, "\uD83D\uDE00", "x"),
            row(2, 10L, "x"),
            row(3, "9", "x"),
            row(4, null, "x"),
            row(5, "b", "x"));
    assertEquals(
        List.of(3L, 2L, 5L, 0L, 1L, 4L),
        sorted(rows, List.of(SortKey.parse("size")), Long.MAX_VALUE));
    assertEquals(
        List.of(1L, 0L, 5L, 2L, 3L, 4L),
        sorted(rows, List.of(SortKey.parse("size:desc")), Long.MAX_VALUE));
  }
}
