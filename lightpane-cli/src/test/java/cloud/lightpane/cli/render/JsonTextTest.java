package cloud.lightpane.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link JsonText#write} into a StringBuilder (JSON Lines rows: the fast path) and into any other
 * Appendable must give the same, expected text.
 */
class JsonTextTest {

  private static String fast(Object value) {
    StringBuilder out = new StringBuilder("prefix:");
    try {
      JsonText.write(out, value);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    return out.substring("prefix:".length());
  }

  /** Through a Writer: the general path. */
  private static String general(Object value) {
    java.io.StringWriter out = new java.io.StringWriter();
    try {
      JsonText.write(out, value);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    return out.toString();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "plain          | web-01           | \"web-01\"",
        "empty          | ''               | \"\"",
        "quote first    | \"a              | \"\\\"a\"",
        "backslash last | a\\              | \"a\\\\\"",
        "quote inside   | say \"hi\" now   | \"say \\\"hi\\\" now\"",
        "accented kept  | café é           | \"café é\"",
      })
  void stringsAreQuotedAndEscapedAlike(String name, String text, String expected) {
    assertEquals(expected, fast(text), name);
    assertEquals(expected, general(text), name);
  }

  @Test
  void controlsSeparatorsAndBidiCharactersAreEscapedAfterAPlainStart() {
    String text = "ok\nnext\ttab\u0001\u0085\u2028\u202e end";
    String expected = "\"ok\\nnext\\ttab\\u0001\\u0085\\u2028\\u202e end\"";
    assertEquals(expected, fast(text));
    assertEquals(expected, general(text));
  }

  @Test
  void aBidiOverrideOrC1ControlIsEscapedWhenItIsTheFirstThingToEscape() {
    assertEquals("\"name\\u202eevil\"", fast("name\u202eevil"));
    assertEquals("\"a\\u0085b\"", fast("a\u0085b"));
    assertEquals("\"line\\u2028sep\"", fast("line\u2028sep"));
  }

  @Test
  void aRowMapKeepsItsOrderAndEveryKindOfValue() {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", "db \"main\"");
    row.put("cores", 8);
    row.put("bytes", 12_884_901_888L);
    row.put("ratio", 0.25);
    row.put("nan", Double.NaN);
    row.put("public", false);
    row.put("ip", null);
    row.put("tags", Arrays.asList("a", 1L, null));
    row.put("nested", Map.of("k", -3));
    String expected =
        "{\"name\":\"db \\\"main\\\"\",\"cores\":8,\"bytes\":12884901888,\"ratio\":0.25,"
            + "\"nan\":null,\"public\":false,\"ip\":null,\"tags\":[\"a\",1,null],"
            + "\"nested\":{\"k\":-3}}";
    assertEquals(expected, fast(row));
    assertEquals(expected, general(row));
  }

  @Test
  void anEmptyMapHasNoComma() {
    assertEquals("{}", fast(Map.of()));
  }
}
