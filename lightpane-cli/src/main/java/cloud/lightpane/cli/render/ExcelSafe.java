package cloud.lightpane.cli.render;

/**
 * {@code --excel-safe}: a text cell that a spreadsheet would evaluate as a formula gets a leading
 * apostrophe, which Excel, LibreOffice and Google Sheets show as text. The rule (also in {@code
 * docs/excel.md}): after any leading whitespace (space, tab, CR, LF, no-break space, ideographic
 * space), the first character is one of {@code = + - @} or their full-width forms {@code ＝ ＋ － ＠};
 * or the cell starts with a tab or CR. Applied to every cell written: header cells, the {@code
 * _service/_provider/_region} cells and the data cells that are JSON strings (a JSON number such as
 * -5 is a number, not a formula).
 */
public final class ExcelSafe {
  private ExcelSafe() {}

  /** The cell as written under {@code --excel-safe}. */
  public static String cell(String text) {
    return evaluated(text) ? "'" + text : text;
  }

  /** Whether a spreadsheet would evaluate {@code text} rather than show it. */
  public static boolean evaluated(String text) {
    int n = text.length();
    if (n == 0) {
      return false;
    }
    char first = text.charAt(0);
    if (first == '\t' || first == '\r') {
      return true;
    }
    int i = 0;
    while (i < n && blank(text.charAt(i))) {
      i++;
    }
    if (i == n) {
      return false;
    }
    switch (text.charAt(i)) {
      case '=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20':
        return true;
      default:
        return false;
    }
  }

  private static boolean blank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\u00A0' || c == '\u3000';
  }
}
