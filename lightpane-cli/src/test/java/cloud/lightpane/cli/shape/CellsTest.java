package cloud.lightpane.cli.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.client.discovery.Row;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The text and the number of a cell, which --where, --sort-by and the text formats share. */
class CellsTest {
  private static Row row(String key, Object value) {
    Map<String, Object> values = new HashMap<>();
    values.put(key, value);
    return Row.of(values);
  }

  @Test
  void textIsJsonForNumbersBooleansListsAndObjectsAndNullWhenAbsent() {
    assertEquals("web", Cells.text(row("a", "web"), "a"));
    assertEquals("42", Cells.text(row("a", 42L), "a"));
    assertEquals("7", Cells.text(row("a", 7), "a"));
    assertEquals("true", Cells.text(row("a", true), "a"));
    assertEquals(
        "123456789012345678901234567890",
        Cells.text(row("a", new BigInteger("123456789012345678901234567890")), "a"));
    assertEquals("1000", Cells.text(row("a", new BigDecimal("1E+3")), "a"), "plain, not 1E+3");
    assertEquals("[\"a\",1]", Cells.text(row("a", List.of("a", 1L)), "a"));
    assertEquals("{\"k\":\"v\"}", Cells.text(row("a", Map.of("k", "v")), "a"));
    assertNull(Cells.text(row("a", null), "a"));
    assertNull(Cells.text(row("a", "x"), "b"));
  }

  @Test
  void numbersInTextFollowJsonSyntaxWithASignAndExponent() {
    assertEquals(new BigDecimal("-2.5"), Cells.parseNumber("-2.5"));
    assertEquals(new BigDecimal("4"), Cells.parseNumber("+4"));
    assertEquals(new BigDecimal("0.5"), Cells.parseNumber(".5"));
    assertEquals(0, new BigDecimal("1000").compareTo(Cells.parseNumber("1e3")));
    assertEquals(0, new BigDecimal("1000").compareTo(Cells.parseNumber("1E+3")));
    assertEquals(0, new BigDecimal("0.001").compareTo(Cells.parseNumber("1e-3")));
    assertEquals(0, new BigDecimal("-250").compareTo(Cells.parseNumber("-2.5E2")));
  }

  @Test
  void almostNumbersAreText() {
    assertNull(Cells.parseNumber(""));
    assertNull(Cells.parseNumber("-"));
    assertNull(Cells.parseNumber("1e"));
    assertNull(Cells.parseNumber("1e-"));
    assertNull(Cells.parseNumber("e5"));
    assertNull(Cells.parseNumber("1e5e5"));
    assertNull(Cells.parseNumber("1.2.3"));
    assertNull(Cells.parseNumber("1e2.5"));
    assertNull(Cells.parseNumber("12a"));
    assertNull(Cells.parseNumber("0x10"));
  }

  @Test
  void aNumberOfAHundredCharactersIsOneAndLongerTextIsNot() {
    String hundred = "9".repeat(100);
    assertEquals(new BigDecimal(hundred), Cells.parseNumber(hundred));
    assertNull(Cells.parseNumber("9".repeat(101)));
  }

  @Test
  void jsonNumbersOfEveryTypeAreNumbers() {
    assertEquals(
        new BigDecimal("12345678901234567890"),
        Cells.number(new BigInteger("12345678901234567890")));
    assertEquals(new BigDecimal("3"), Cells.number(3));
    assertEquals(new BigDecimal("2.5"), Cells.number(2.5));
    assertNull(Cells.number(Double.NaN));
    assertNull(Cells.number(true));
    assertNull(Cells.number(List.of(1L)));
  }

  @Test
  void codePointOrderPutsAPrefixFirst() {
    assertTrue(Cells.compareCodePoints("ab", "abc") < 0);
    assertTrue(Cells.compareCodePoints("abc", "ab") > 0);
    assertEquals(0, Cells.compareCodePoints("abc", "abc"));
    assertTrue(Cells.compareCodePoints("", "a") < 0);
    assertTrue(Cells.compareCodePoints("\uD83D\uDE00", "\uFF5E") > 0, "U+1F600 after U+FF5E");
  }
}
