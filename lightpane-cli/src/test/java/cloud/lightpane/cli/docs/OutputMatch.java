package cloud.lightpane.cli.docs;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether a command's real output is what a doc shows. Lines are compared exactly except: a line
 * that is only {@code ...} stands for any number of lines (none included); {@code <...>} inside a
 * line stands for any text within that line; spaces and carriage returns at the end of a line are
 * not compared (Markdown cannot show them).
 */
final class OutputMatch {
  static final String ANY_LINES = "...";
  static final String ANY_TEXT = "<...>";

  private OutputMatch() {}

  static boolean matches(List<String> expected, List<String> actual) {
    return matchFrom(expected, 0, actual, 0);
  }

  private static boolean matchFrom(List<String> expected, int e, List<String> actual, int a) {
    if (e == expected.size()) {
      return a == actual.size();
    }
    if (expected.get(e).strip().equals(ANY_LINES)) {
      for (int skip = a; skip <= actual.size(); skip++) {
        if (matchFrom(expected, e + 1, actual, skip)) {
          return true;
        }
      }
      return false;
    }
    return a < actual.size()
        && lineMatches(expected.get(e), actual.get(a))
        && matchFrom(expected, e + 1, actual, a + 1);
  }

  static boolean lineMatches(String expected, String actual) {
    String want = stripEnd(expected);
    String got = stripEnd(actual);
    if (!want.contains(ANY_TEXT)) {
      return want.equals(got);
    }
    StringBuilder regex = new StringBuilder();
    String[] parts = want.split(Pattern.quote(ANY_TEXT), -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(parts[i]));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(got).matches();
  }

  private static String stripEnd(String line) {
    return line.replaceAll("[ \\t\\r]+$", "");
  }
}
