package cloud.lightpane.cli.render;

import cloud.lightpane.cli.terminal.ScreenText;
import java.io.IOException;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes small JSON values (strings, numbers, booleans, null, lists, maps) without a JSON library
 * on the path: JSON Lines wraps each row in a few fields, and key records are a handful of values.
 */
public final class JsonText {
  private JsonText() {}

  /** Writes {@code value} as compact JSON. */
  public static void write(Appendable out, Object value) throws IOException {
    if (out instanceof StringBuilder text) {
      writeTo(text, value); // JSON Lines rows and toJson: the fast path
    } else {
      writeAny(out, value);
    }
  }

  private static void writeAny(Appendable out, Object value) throws IOException {
    if (value == null) {
      out.append("null");
    } else if (value instanceof CharSequence text) {
      quote(out, text);
    } else if (value instanceof Double || value instanceof Float) {
      double number = ((Number) value).doubleValue();
      // JSON has no NaN or infinities; no parser would hand them over, but never write invalid
      // JSON.
      out.append(Double.isFinite(number) ? value.toString() : "null");
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value.toString());
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
      while (entries.hasNext()) {
        Map.Entry<?, ?> entry = entries.next();
        quote(out, String.valueOf(entry.getKey()));
        out.append(':');
        write(out, entry.getValue());
        if (entries.hasNext()) {
          out.append(',');
        }
      }
      out.append('}');
    } else if (value instanceof Collection<?> list) {
      out.append('[');
      Iterator<?> items = list.iterator();
      while (items.hasNext()) {
        write(out, items.next());
        if (items.hasNext()) {
          out.append(',');
        }
      }
      out.append(']');
    } else {
      quote(out, value.toString());
    }
  }

  /**
   * Writes {@code value} as compact JSON into a builder, the same text as {@link #writeAny}: the
   * path of a JSON Lines row (a million of them in a big export), so a string that needs no escape
   * is appended whole, integers without a string of their own, and a map without an entry object
   * per value.
   */
  private static void writeTo(StringBuilder out, Object value) {
    if (value instanceof String text) {
      quoteTo(out, text);
    } else if (value instanceof Long || value instanceof Integer) {
      out.append(((Number) value).longValue());
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      int before = out.length();
      map.forEach(
          (key, item) -> {
            if (out.length() != before) {
              out.append(',');
            }
            quoteTo(out, String.valueOf(key));
            out.append(':');
            writeTo(out, item);
          });
      out.append('}');
    } else {
      try {
        writeAny(out, value);
      } catch (IOException e) {
        throw new AssertionError("StringBuilder does not throw", e);
      }
    }
  }

  private static void quoteTo(StringBuilder out, String text) {
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) {
        // Something to escape (or to look at): the plain part whole, the rest char by char.
        out.append('"').append(text, 0, i);
        escapeFrom(out, text, i);
        return;
      }
    }
    out.append('"').append(text).append('"');
  }

  private static void escapeFrom(StringBuilder out, CharSequence text, int from) {
    try {
      escape(out, text, from);
    } catch (IOException e) {
      throw new AssertionError("StringBuilder does not throw", e);
    }
  }

  /** Writes a JSON string literal. */
  public static void quote(Appendable out, CharSequence text) throws IOException {
    out.append('"');
    escape(out, text, 0);
  }

  /** Writes the chars of {@code text} from {@code from} escaped for JSON, and the closing quote. */
  private static void escape(Appendable out, CharSequence text, int from) throws IOException {
    int length = text.length();
    for (int i = from; i < length; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029 || ScreenText.jsonUnsafe(c)) {
            StringBuilder escaped = new StringBuilder(6);
            ScreenText.unicodeEscape(escaped, c);
            out.append(escaped);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** The JSON text of {@code value}. */
  public static String toJson(Object value) {
    StringBuilder out = new StringBuilder();
    try {
      write(out, value);
    } catch (IOException e) {
      throw new AssertionError("StringBuilder does not throw", e);
    }
    return out.toString();
  }
}
