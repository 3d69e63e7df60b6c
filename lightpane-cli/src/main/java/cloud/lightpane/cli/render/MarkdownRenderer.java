package cloud.lightpane.cli.render;

import cloud.lightpane.cli.terminal.ScreenText;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * {@code -o markdown}: for {@code $GITHUB_STEP_SUMMARY}, GitLab job summaries and pull requests.
 * Per result a heading line ({@code ### EC2 Instances (ec2) · aws · eu-west-2}), then a
 * GitHub-flavoured table with the column labels as headers, or {@code _No rows._} when the result
 * is empty. Rows are written as they come: nothing of a result is kept. Cells are escaped so that
 * data cannot break the table or turn into markup (see {@link #escape}).
 */
public final class MarkdownRenderer implements RowRenderer {
  static final String NO_ROWS = "_No rows._";

  private final Writer out;
  private final boolean headers;
  private final StringBuilder line = new StringBuilder(512);
  private List<Field> fields;
  private int rows;
  private int results;

  /**
   * @param headers write each result's heading and table header ({@code --no-headers}: rows only)
   */
  public MarkdownRenderer(Writer out, boolean headers) {
    this.out = out;
    this.headers = headers;
  }

  @Override
  public void resultStart(ResultInfo result, List<Field> fields) throws IOException {
    this.fields = fields;
    rows = 0;
    if (!headers) {
      return;
    }
    line.setLength(0);
    if (results++ > 0) {
      line.append('\n');
    }
    line.append("### ");
    String label = result.label();
    if (label != null && !label.isEmpty() && !label.equals(result.service())) {
      escape(line, label);
      line.append(" (");
      escape(line, result.service());
      line.append(')');
    } else {
      escape(line, result.service());
    }
    line.append(" · ");
    escape(line, result.provider());
    line.append(" · ");
    escape(line, result.region());
    line.append("\n\n");
    out.append(line);
  }

  @Override
  public void row(RowView row) throws IOException {
    if (rows++ == 0 && headers) {
      writeHeader();
    }
    line.setLength(0);
    line.append('|');
    for (Field field : fields) {
      line.append(' ');
      escape(line, row.text(field.key()));
      line.append(" |");
    }
    out.append(line.append('\n'));
  }

  @Override
  public void resultEnd(ResultInfo result) throws IOException {
    if (rows == 0 && headers) {
      out.write(NO_ROWS + "\n");
    }
    out.flush();
    fields = null;
  }

  @Override
  public void finish() throws IOException {
    out.flush();
  }

  private void writeHeader() throws IOException {
    line.setLength(0);
    line.append('|');
    for (Field field : fields) {
      line.append(' ');
      String label = field.label() == null || field.label().isEmpty() ? field.key() : field.label();
      escape(line, label);
      line.append(" |");
    }
    line.append("\n|");
    for (int i = 0; i < fields.size(); i++) {
      line.append(" --- |");
    }
    out.append(line.append('\n'));
  }

  /**
   * Appends {@code text} as the inside of a table cell: {@code |} as {@code \|}; newlines as {@code
   * <br>}; the characters that start emphasis, code, links, HTML or entities ({@code \ ` * _ [ ] <
   * > & ~}) escaped, so a value shows as the text it is; other characters that could drive a
   * terminal as {@code \}{@code uXXXX} ({@link ScreenText}), so no raw control byte from the
   * network reaches one. Null appends nothing.
   */
  public static void escape(StringBuilder to, String text) {
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
          if (ScreenText.unsafe(c)) {
            ScreenText.unicodeEscape(to, c);
          } else {
            to.append(c);
          }
        }
      }
    }
  }
}
