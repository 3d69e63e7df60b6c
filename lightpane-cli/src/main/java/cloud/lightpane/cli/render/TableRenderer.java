package cloud.lightpane.cli.render;

import cloud.lightpane.cli.terminal.TerminalFacts;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The default output for people: for each result a heading (service label, provider, region, row
 * count, time), then a {@link TextTable} with the column labels as headers.
 *
 * <p>Memory is bounded: the columns are sized from a first window of {@link #WINDOW} rows of each
 * result, which is held until it is full (or the result ends); later rows are written as they come
 * in those widths, a cell that does not fit cut with an ellipsis. A result that overflows the
 * window is headed "more than WINDOW rows", since its heading is written before its last row is
 * seen.
 */
public final class TableRenderer implements RowRenderer {
  /** The rows of a result that size its columns (documented in docs/cli.md). */
  public static final int WINDOW = 1000;

  private final Writer out;
  private final TerminalFacts facts;
  private final boolean colour;
  private final boolean headers;
  private ResultInfo result;
  private List<Field> fields;
  private TextTable table;
  private int results;
  private long streamed; // rows written after the window; 0 while the window fills

  public TableRenderer(Writer out, TerminalFacts facts) {
    this(out, facts, true);
  }

  /**
   * @param headers write each result's title line and column labels ({@code --no-headers}: rows
   *     only, one table after the other)
   */
  public TableRenderer(Writer out, TerminalFacts facts, boolean headers) {
    this.headers = headers;
    this.out = out;
    this.facts = facts;
    this.colour = facts.colour();
  }

  @Override
  public void resultStart(ResultInfo result, List<Field> fields) {
    this.result = result;
    this.fields = fields;
    List<String> labels = new ArrayList<>(fields.size());
    for (Field field : fields) {
      labels.add(field.label() == null || field.label().isEmpty() ? field.key() : field.label());
    }
    table = new TextTable(labels);
    streamed = 0;
  }

  @Override
  public void row(RowView row) throws IOException {
    String[] cells = new String[fields.size()];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = row.text(fields.get(i).key());
    }
    if (streamed > 0) {
      table.writeRow(out, cells);
      streamed++;
    } else if (table.size() < WINDOW) {
      table.add(cells);
    } else {
      writeHead("more than " + WINDOW + " rows");
      table.writeRow(out, cells);
      streamed = 1;
    }
  }

  @Override
  public void resultEnd(ResultInfo ended) throws IOException {
    if (streamed == 0) {
      int rows = table.size();
      writeHead(rows == 1 ? "1 row" : rows + " rows");
    }
    out.flush();
    table = null;
    result = null;
  }

  /** The result's heading (with its row count in words), labels and window of rows. */
  private void writeHead(String rows) throws IOException {
    if (!headers) {
      table.writeHead(out, facts, colour, false);
      return;
    }
    if (results++ > 0) {
      out.write('\n');
    }
    String heading = heading(result, rows);
    out.write(colour ? TextTable.BOLD + heading + TextTable.RESET : heading);
    out.write("\n\n");
    if (table.size() == 0) {
      out.write("(no rows)\n");
    } else {
      table.writeHead(out, facts, colour, true);
    }
  }

  @Override
  public void finish() throws IOException {
    out.flush();
  }

  /** {@code EC2 Instances (ec2) · aws · eu-west-2 · 3 rows · 2026-03-28T14:30:00Z}. */
  static String heading(ResultInfo result, String rows) {
    StringBuilder text = new StringBuilder();
    String label = result.label();
    if (label != null && !label.isEmpty() && !label.equals(result.service())) {
      text.append(TextTable.visible(label))
          .append(" (")
          .append(TextTable.visible(result.service()))
          .append(')');
    } else {
      text.append(TextTable.visible(result.service()));
    }
    text.append(" · ").append(TextTable.visible(result.provider()));
    text.append(" · ").append(TextTable.visible(result.region()));
    text.append(" · ").append(rows);
    if (result.timestamp() != null) {
      text.append(" · ").append(TextTable.visible(result.timestamp()));
    }
    return text.toString();
  }
}
