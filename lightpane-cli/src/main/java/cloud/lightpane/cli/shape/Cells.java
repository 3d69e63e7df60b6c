package cloud.lightpane.cli.shape;

import cloud.lightpane.client.discovery.Row;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * What a cell is for shaping and for the text formats: its text, and its number when it is one. One
 * place, so that {@code --where}, {@code --sort-by} and the renderers agree on every value.
 */
public final class Cells {
  private Cells() {}

  /**
   * The value under {@code key} as text: strings as they are, numbers and booleans as in JSON,
   * lists and objects as compact JSON (as the server wrote them); null when missing or JSON null.
   */
  public static String text(Row row, String key) {
    Object value = row.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof String text) {
      return text;
    }
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Boolean
        || value instanceof BigInteger) {
      return value.toString();
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    // Doubles, lists and objects: their JSON text, as the server wrote them.
    return row.valueAsJson(key);
  }

  /**
   * The number a value holds: a JSON number, or a string that is a plain decimal number ({@code
   * "128"}, {@code "-2.5"}, {@code "1e3"}); null for anything else.
   */
  static BigDecimal number(Object value) {
    if (value instanceof Long || value instanceof Integer) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof BigInteger integer) {
      return new BigDecimal(integer);
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
    }
    if (value instanceof String text) {
      return parseNumber(text);
    }
    return null;
  }

  /**
   * {@code text} as a number if it is one in JSON's syntax (and {@code +}/{@code .5}), else null.
   */
  static BigDecimal parseNumber(String text) {
    int n = text.length();
    if (n == 0 || n > 100) {
      return null;
    }
    int i = 0;
    char c = text.charAt(0);
    if (c == '-' || c == '+') {
      i++;
    }
    boolean digits = false;
    boolean dot = false;
    boolean exponent = false;
    for (; i < n; i++) {
      c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = true;
      } else if (c == '.' && !dot && !exponent) {
        dot = true;
      } else if ((c == 'e' || c == 'E') && digits && !exponent) {
        exponent = true;
        digits = false;
        if (i + 1 < n && (text.charAt(i + 1) == '-' || text.charAt(i + 1) == '+')) {
          i++;
        }
      } else {
        return null;
      }
    }
    if (!digits) {
      return null;
    }
    try {
      return new BigDecimal(text.charAt(0) == '+' ? text.substring(1) : text);
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  /** Compares by Unicode code point (String.compareTo compares UTF-16 units, which differs). */
  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
