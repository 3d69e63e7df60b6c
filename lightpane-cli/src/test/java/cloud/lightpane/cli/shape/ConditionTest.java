package cloud.lightpane.cli.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.client.discovery.Row;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionTest {
  private static Row row(Object... pairs) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put((String) pairs[i], pairs[i + 1]);
    }
    return Row.of(values);
  }

  private static boolean holds(String term, Row row) {
    return Condition.parse(term).test(row);
  }

  @Test
  void numbersCompareAsNumbersWhenBothSidesAreNumbers() {
    assertTrue(holds("cpu=4", row("cpu", 4L)));
    assertTrue(holds("cpu=4", row("cpu", new BigDecimal("4.0"))));
    assertTrue(holds("cpu=4.0", row("cpu", 4L)));
    assertTrue(holds("cpu=4", row("cpu", "4")));
    assertFalse(holds("cpu=4", row("cpu", 40L)));
    assertTrue(holds("cpu!=4", row("cpu", 5L)));
    assertFalse(holds("cpu!=4", row("cpu", 4.0)));
  }

  @Test
  void orderingNeedsANumberInTheCell() {
    assertTrue(holds("size>10", row("size", 11L)));
    assertFalse(holds("size>10", row("size", 10L)));
    assertTrue(holds("size>=10", row("size", 10L)));
    assertTrue(holds("size<10", row("size", -2L)));
    assertFalse(holds("size<10", row("size", 10L)));
    assertTrue(holds("size<=10", row("size", new BigDecimal("9.99"))));
    assertTrue(holds("size<=10", row("size", 10L)));
    assertFalse(holds("size<=10", row("size", 11L)));
    assertFalse(holds("size>=10", row("size", 9L)));
    assertTrue(holds("size>-3", row("size", "-2")));
    assertTrue(holds("size>10", row("size", new java.math.BigInteger("99999999999999999999"))));
    assertFalse(holds("size<=10", row("size", "ten")));
    assertFalse(holds("size>0", row("size", null)));
    assertFalse(holds("size>0", row()));
    assertTrue(holds("size>1e3", row("size", 1001L)));
  }

  @Test
  void emptyValueMatchesNullMissingAndEmpty() {
    assertTrue(holds("owner=", row("owner", null)));
    assertTrue(holds("owner=", row()));
    assertTrue(holds("owner=", row("owner", "")));
    assertFalse(holds("owner=", row("owner", "ann")));
    assertTrue(holds("owner!=", row("owner", "ann")));
    assertFalse(holds("owner!=", row()));
    assertFalse(holds("owner=ann", row()), "a missing cell equals only the empty value");
    assertFalse(holds("owner=ann", row("owner", null)));
    assertTrue(holds("owner!=ann", row()));
  }

  @Test
  void textIsExactAndBooleansAreTrueOrFalse() {
    assertTrue(holds("state=running", row("state", "running")));
    assertFalse(holds("state=running", row("state", "Running")));
    assertFalse(holds("state=run", row("state", "running")));
    assertTrue(holds("public=true", row("public", true)));
    assertTrue(holds("public=FALSE", row("public", false)));
    assertFalse(holds("public=true", row("public", false)));
    assertTrue(holds("url=a=b", row("url", "a=b")), "the first operator splits");
  }

  @Test
  void regexFindsAnywhereAndNegates() {
    assertTrue(holds("name~web", row("name", "prod-web-1")));
    assertFalse(holds("name~^web", row("name", "prod-web-1")));
    assertTrue(holds("name!~^web", row("name", "prod-web-1")));
    assertFalse(holds("name!~web", row("name", "prod-web-1")));
    assertTrue(holds("name~^$", row()));
    assertTrue(holds("cpu~^4$", row("cpu", 4L)));
  }

  @Test
  void listsAndObjectsEqualTheirCompactJson() {
    assertTrue(holds("tags=[\"a\",\"b\"]", row("tags", java.util.List.of("a", "b"))));
    assertFalse(holds("tags=[\"a\"]", row("tags", java.util.List.of("a", "b"))));
    assertFalse(holds("tags=a", row("tags", java.util.List.of("a"))));
    assertTrue(holds("labels={\"env\":\"prod\"}", row("labels", Map.of("env", "prod"))));
    assertTrue(holds("labels!={}", row("labels", Map.of("env", "prod"))));
  }

  @Test
  void aTermReadsBackAsWritten() {
    assertEquals("cpu>=4", Condition.parse("cpu>=4").toString());
    assertEquals("name!~^web", Condition.parse("name!~^web").toString());
  }

  @Test
  void badTermsSayWhatWasWrong() {
    ShapeException noOperator = assertThrows(ShapeException.class, () -> Condition.parse("state"));
    assertTrue(noOperator.getMessage().contains("= != ~ !~ < <= > >="), noOperator.getMessage());
    assertThrows(ShapeException.class, () -> Condition.parse("=x"));
    ShapeException notNumber =
        assertThrows(ShapeException.class, () -> Condition.parse("cpu<many"));
    assertEquals(
        "--where 'cpu<many': < compares numbers; give a number, e.g. cpu<4",
        notNumber.getMessage());
    ShapeException regex = assertThrows(ShapeException.class, () -> Condition.parse("a~("));
    assertTrue(regex.getMessage().startsWith("--where 'a~(': not a regular expression"));
    assertThrows(ShapeException.class, () -> Condition.parse("a!b"));
  }
}
