package cloud.lightpane.cli.render;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code -o tsv}: for {@code cut}, {@code awk} and {@code while read}: a header line of keys, then
 * one line per row, fields separated by a tab, LF line ends, no quoting. Inside a value, tab,
 * newline, carriage return and backslash are written {@code \t}, {@code \n}, {@code \r}, {@code
 * \\}, so a line is always one row; null is empty. The columns follow the same {@link CsvLayout} as
 * CSV (with {@code _service,_provider,_region} first over several results).
 */
public final class TsvRenderer implements RowRenderer {
  private final Writer out;
  private final CsvLayout layout;
  private final boolean header;
  private final StringBuilder line = new StringBuilder(512);
  private List<String> columns;
  private ResultInfo current;
  private boolean started;

  /**
   * @param header write the header line ({@code --no-headers} turns it off)
   */
  public TsvRenderer(Writer out, CsvLayout layout, boolean header) {
    this.out = out;
    this.layout = layout;
    this.header = header;
    this.columns = layout.columns();
  }

  @Override
  public void resultStart(ResultInfo result, List<Field> fields) throws IOException {
    current = result;
    if (columns == null) {
      List<String> keys = new ArrayList<>(fields.size());
      for (Field field : fields) {
        keys.add(field.key());
      }
      columns = keys;
    }
    start();
  }

  @Override
  public void row(RowView row) throws IOException {
    line.setLength(0);
    boolean first = true;
    if (layout.withSource()) {
      escape(line, current.service());
      line.append('\t');
      escape(line, current.provider());
      line.append('\t');
      escape(line, current.region());
      first = false;
    }
    for (String key : columns) {
      if (!first) {
        line.append('\t');
      }
      first = false;
      escape(line, row.text(key));
    }
    out.append(line.append('\n'));
  }

  @Override
  public void resultEnd(ResultInfo result) {
    current = null;
  }

  @Override
  public void finish() throws IOException {
    start();
    out.flush();
  }

  private void start() throws IOException {
    if (started || columns == null) {
      return;
    }
    started = true;
    if (!header) {
      return;
    }
    // line is empty here: start() runs once, before any row() (resultStart or finish calls it).
    List<String> names = layout.header(columns);
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        line.append('\t');
      }
      escape(line, names.get(i));
    }
    out.append(line.append('\n'));
  }

  /** Appends {@code text} with tab, LF, CR and backslash escaped; null appends nothing. */
  static void escape(StringBuilder to, String text) {
    if (text == null) {
      return;
    }
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\t' -> to.append("\\t");
        case '\n' -> to.append("\\n");
        case '\r' -> to.append("\\r");
        case '\\' -> to.append("\\\\");
        default -> to.append(c);
      }
    }
  }
}
