package cloud.lightpane.cli.terminal;

/**
 * The one sanitiser for text that came from the network on its way to a terminal or a log: a
 * server's error message, a header value, a key's label, a table cell, a trace line. Whatever the
 * server sends, the line stays one line that shows what was sent and cannot drive the terminal.
 *
 * <p>Shown escaped: C0 controls and DEL ({@code \n}, {@code \r}, {@code \t} by name, the others as
 * {@code \u001b}), C1 controls (U+0080 to U+009F, among them the one-character CSI U+009B), bidi
 * controls that reorder what is shown (U+202A to U+202E, U+2066 to U+2069, U+200E, U+200F, U+061C),
 * zero-width characters that hide text (U+200B to U+200D, U+2060, U+FEFF) and the line separators
 * U+2028 and U+2029. An escape sequence (ESC, then its parameters) thus shows as text after its
 * escaped ESC, harmless. Everything else, non-Latin scripts and emoji included, passes unchanged.
 */
public final class ScreenText {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private ScreenText() {}

  /** {@code text} with every unsafe character escaped; null becomes the empty string. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    int n = text.length();
    int i = 0;
    while (i < n && !unsafe(text.charAt(i))) {
      i++;
    }
    if (i == n) {
      return text;
    }
    StringBuilder shown = new StringBuilder(n + 16).append(text, 0, i);
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (!unsafe(c)) {
        shown.append(c);
      } else if (c == '\n') {
        shown.append("\\n");
      } else if (c == '\r') {
        shown.append("\\r");
      } else if (c == '\t') {
        shown.append("\\t");
      } else {
        unicodeEscape(shown, c);
      }
    }
    return shown.toString();
  }

  /**
   * Prints a stack trace ({@code --verbose}) with each line escaped: exception messages carry the
   * server's words too. The tab that starts a frame line is kept.
   */
  public static void printStackTrace(Throwable failure, java.io.PrintWriter err) {
    java.io.StringWriter trace = new java.io.StringWriter();
    failure.printStackTrace(new java.io.PrintWriter(trace));
    for (String line : trace.toString().split("\r?\n")) {
      if (line.startsWith("\t")) {
        err.println("\t" + escape(line.substring(1)));
      } else {
        err.println(escape(line));
      }
    }
  }

  /** Appends {@code \}{@code uXXXX} (lower-case hex), the form JSON also uses. */
  public static void unicodeEscape(StringBuilder out, char c) {
    out.append('\\')
        .append('u')
        .append(HEX[(c >> 12) & 0xf])
        .append(HEX[(c >> 8) & 0xf])
        .append(HEX[(c >> 4) & 0xf])
        .append(HEX[c & 0xf]);
  }

  /** Whether {@code c} is escaped on a screen (see the class comment for the list). */
  public static boolean unsafe(char c) {
    if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
      return true;
    }
    if (c < 0x61c) {
      return false;
    }
    return c == 0x61c || invisible(c) || reordering(c) || c == 0x2028 || c == 0x2029;
  }

  /**
   * Whether {@code c} is a C1 control or a bidi control: the characters that {@code -o json} and
   * {@code -o jsonl} always escape, terminal or not, since a JSON viewer shows them raw.
   */
  public static boolean jsonUnsafe(char c) {
    return (c >= 0x80 && c < 0xa0) || c == 0x61c || reordering(c);
  }

  /** Bidi controls: embeddings, overrides, isolates and marks. */
  private static boolean reordering(char c) {
    return (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0x200e
        || c == 0x200f;
  }

  private static boolean invisible(char c) {
    return (c >= 0x200b && c <= 0x200d) || c == 0x2060 || c == 0xfeff;
  }
}
