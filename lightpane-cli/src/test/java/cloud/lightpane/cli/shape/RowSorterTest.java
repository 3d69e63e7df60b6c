package cloud.lightpane.cli.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

  @Test
  void rowsWithinTheBudgetStayInMemoryAndTheFirstRowOverItSpills() {
    Row one = Row.of(Map.of("name", "a"));
    try (RowSorter sorter = new RowSorter(List.of(SortKey.parse("name")), 1_000_000)) {
      for (int i = 0; i < 100; i++) {
        sorter.add(one);
      }
      assertEquals(0, sorter.runCount(), "a small result writes nothing to disk");
    }
    // A budget of exactly one row: the row fits, the second passes the budget.
    try (RowSorter sorter =
        new RowSorter(List.of(SortKey.parse("name")), RowSorter.estimate(one))) {
      sorter.add(one);
      assertEquals(0, sorter.runCount());
      sorter.add(one);
      assertEquals(1, sorter.runCount());
    }
  }

  @Test
  void closeForgetsEveryRun() {
    RowSorter sorter = new RowSorter(List.of(SortKey.parse("id")), 1);
    for (int i = 0; i < 3; i++) {
      sorter.add(row(i, 1L, "x"));
    }
    assertEquals(3, sorter.runCount());
    sorter.close();
    assertEquals(0, sorter.runCount());
  }

  @Test
  void theEstimateIsNeverBelowTheHeapTheValuesTakeAtLeast() {
    // Floors from the JVM's layout, not from the estimate: a Latin-1 string holds a byte per
    // character, a boxed Long 16 bytes plus the 8-byte reference to it.
    String text = "x".repeat(10_000);
    assertTrue(RowSorter.estimate(Row.of(Map.of("a", text))) >= 10_000);
    assertTrue(RowSorter.estimate(Row.of(Map.of("a", Map.of("k", text)))) >= 10_000);
    assertTrue(RowSorter.estimate(Row.of(Map.of("a", List.of(text)))) >= 10_000);
    List<Long> numbers = new ArrayList<>();
    for (long i = 0; i < 1_000; i++) {
      numbers.add(i);
    }
    assertTrue(RowSorter.estimate(Row.of(Map.of("a", numbers))) >= 24_000);
    Map<String, Object> many = new LinkedHashMap<>();
    for (int i = 0; i < 1_000; i++) {
      many.put("k" + i, (long) i);
    }
    assertTrue(RowSorter.estimate(Row.of(Map.of("a", many))) >= 24_000);
    assertTrue(RowSorter.estimate(Row.of(many)) >= 24_000);
  }

  @Test
  void textThatIsAPrefixSortsFirst() {
    List<Row> rows = List.of(row(0, "abc", "x"), row(1, "ab", "x"), row(2, "abd", "x"));
    assertEquals(List.of(1L, 0L, 2L), sorted(rows, List.of(SortKey.parse("size")), Long.MAX_VALUE));
  }

  @Test
  void aSortKeyNeedsAColumnAndADirectionItKnows() {
    assertEquals(new SortKey("cpu", true), SortKey.parse(" cpu : DESC "));
    assertEquals(new SortKey("cpu", false), SortKey.parse("cpu:asc"));
    ShapeException noColumn = assertThrows(ShapeException.class, () -> SortKey.parse(":desc"));
    assertEquals("--sort-by ':desc': name a column, e.g. --sort-by name", noColumn.getMessage());
    ShapeException direction = assertThrows(ShapeException.class, () -> SortKey.parse("cpu:up"));
    assertEquals(
        "--sort-by 'cpu:up': give KEY, KEY:asc or KEY:desc, e.g. --sort-by cpu:desc",
        direction.getMessage());
    assertEquals(new SortKey("a:b", true), SortKey.parse("a:b:desc"), "the last colon splits");
  }
}
