package cloud.lightpane.cli.diff;

/**
 * Text inside a Markdown table cell. Until the CLI's Markdown renderer offers its escaping to other
 * packages, this is the same rule: {@code |} and the characters that start markup escaped, {@code <
 * > &} as entities, line breaks as {@code <br>}, other control characters as {@code \xNN}.
 */
final class MarkdownText {
  private MarkdownText() {}

  static void escape(StringBuilder to, String text) {
    if (text == null) {
      return;
    }
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '|', '\\', '`', '*', '_', '[', ']', '~', '#' -> to.append('\\').append(c);
        case '<' -> to.append("&lt;");
        case '>' -> to.append("&gt;");
        case '&' -> to.append("&amp;");
        case '\n' -> to.append("<br>");
        case '\r' -> {
          if (i + 1 >= n || text.charAt(i + 1) != '\n') {
            to.append("<br>");
          }
        }
        case '\t' -> to.append(' ');
        default -> {
          if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
            to.append(String.format("\\x%02x", (int) c));
          } else {
            to.append(c);
          }
        }
      }
    }
  }
}
