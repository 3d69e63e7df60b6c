package cloud.lightpane.cli.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.client.discovery.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** --where, --sort-by and --limit over one result, and when the reader may stop reading. */
class RowShaperTest {
  private static final List<String> COLUMNS = List.of("name", "cpu");

  private static Row row(String name, long cpu) {
    return Row.of(Map.of("name", name, "cpu", cpu));
  }

  private static RowShaper shaper(List<String> where, List<String> sortBy, Long limit) {
    RowShaper shaper = new RowShaper(Shaping.parse(where, sortBy, limit), Shaping.SORT_BUDGET);
    shaper.start("ec2 in eu-west-2", COLUMNS);
    return shaper;
  }

  private static List<String> names(List<Row> rows) {
    List<String> names = new ArrayList<>();
    rows.forEach(r -> names.add(r.getString("name")));
    return names;
  }

  @Test
  void withALimitTheReaderIsToldToStopAtTheLastWantedRow() {
    List<Row> out = new ArrayList<>();
    RowShaper shaper = shaper(List.of(), List.of(), 2L);
    assertTrue(shaper.offer(row("a", 1), out::add));
    assertFalse(shaper.offer(row("b", 2), out::add), "the second of --limit 2 is the last");
    assertFalse(shaper.offer(row("c", 3), out::add));
    shaper.finish(out::add);
    assertEquals(List.of("a", "b"), names(out));
  }

  @Test
  void aFilteredRowDoesNotCountTowardsTheLimit() {
    List<Row> out = new ArrayList<>();
    RowShaper shaper = shaper(List.of("cpu>1"), List.of(), 1L);
    assertTrue(shaper.offer(row("a", 1), out::add));
    assertFalse(shaper.offer(row("b", 2), out::add));
    assertEquals(List.of("b"), names(out));
  }

  @Test
  void limitZeroWantsNothingAndNoLimitWantsEverything() {
    List<Row> out = new ArrayList<>();
    RowShaper none = shaper(List.of(), List.of(), 0L);
    assertFalse(none.offer(row("a", 1), out::add));
    assertEquals(List.of(), out);

    RowShaper all = shaper(List.of(), List.of(), null);
    for (int i = 0; i < 5; i++) {
      assertTrue(all.offer(row("r" + i, i), out::add));
    }
    assertEquals(List.of("r0", "r1", "r2", "r3", "r4"), names(out));
  }

  @Test
  void aSortedResultKeepsTheFirstRowsOfTheOrder() {
    List<Row> out = new ArrayList<>();
    RowShaper shaper = shaper(List.of("cpu>=2"), List.of("cpu:desc"), 2L);
    for (long cpu : new long[] {2, 8, 1, 4, 16, 3}) {
      assertTrue(shaper.offer(row("c" + cpu, cpu), out::add), "a sort reads every row");
    }
    assertEquals(List.of(), out, "nothing before the end of the result");
    shaper.finish(out::add);
    assertEquals(List.of("c16", "c8"), names(out));
  }
}
