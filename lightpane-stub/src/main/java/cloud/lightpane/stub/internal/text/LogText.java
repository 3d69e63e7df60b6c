package cloud.lightpane.stub.internal.text;

/**
 * Makes text from the network (a request's method, path or a header it echoes) or from a fixture
 * file safe to write to an operator's terminal or log: C0 and C1 controls, DEL, bidi controls and
 * isolates (U+202A to U+202E, U+2066 to U+2069), zero-width characters (U+200B to U+200F, U+FEFF),
 * the line and paragraph separators (U+2028, U+2029) and lone surrogates are shown as {@code
 * \\uXXXX}; a backslash is doubled so that an escape shown is never the client's own text. Every
 * field the server logs goes through here, and nothing else sanitises.
 */
public final class LogText {

  private LogText() {}

  /** The text, escaped; {@code null} becomes {@code -}. */
  public static String of(String text) {
    return of(text, Integer.MAX_VALUE);
  }

  /**
   * The text escaped and cut after {@code maxChars} characters of the input, {@code ...} marking a
   * cut.
   */
  public static String of(String text, int maxChars) {
    if (text == null) {
      return "-";
    }
    int end = Math.min(text.length(), maxChars);
    StringBuilder out = new StringBuilder(end + 8);
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        out.append("\\\\");
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (unsafe(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (end < text.length()) {
      out.append("...");
    }
    return out.toString();
  }

  private static boolean unsafe(char c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || (c >= 0x200b && c <= 0x200f)
        || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0x2028
        || c == 0x2029
        || c == 0xfeff
        || Character.isSurrogate(c);
  }
}
