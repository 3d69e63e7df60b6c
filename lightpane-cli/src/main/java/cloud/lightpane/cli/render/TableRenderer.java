package cloud.lightpane.cli.render;

import cloud.lightpane.cli.terminal.TerminalFacts;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The default output for people: for each result a heading (service label, provider, region, row
 * count, time), then a {@link TextTable} with the column labels as headers. A table needs all of a
 * result's rows to size its columns, so this renderer (unlike CSV and JSON Lines) holds one result
 * at a time in memory.
 */
public final class TableRenderer implements RowRenderer {
  private final Writer out;
  private final TerminalFacts facts;
  private final boolean colour;
  private final boolean headers;
  private List<Field> fields;
  private TextTable table;
  private int results;

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
    this.fields = fields;
    List<String> labels = new ArrayList<>(fields.size());
    for (Field field : fields) {
      labels.add(field.label() == null || field.label().isEmpty() ? field.key() : field.label());
    }
    table = new TextTable(labels);
  }

  @Override
  public void row(RowView row) {
    String[] cells = new String[fields.size()];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = row.text(fields.get(i).key());
    }
    table.add(cells);
  }

  @Override
  public void resultEnd(ResultInfo result) throws IOException {
    if (!headers) {
      table.write(out, facts, colour, false);
      out.flush();
      table = null;
      return;
    }
    if (results++ > 0) {
      out.write('\n');
    }
    String heading = heading(result, table.size());
    out.write(colour ? TextTable.BOLD + heading + TextTable.RESET : heading);
    out.write("\n\n");
    if (table.size() == 0) {
      out.write("(no rows)\n");
    } else {
      table.write(out, facts, colour);
    }
    out.flush();
    table = null;
  }

  @Override
  public void finish() throws IOException {
    out.flush();
  }

  /** {@code EC2 Instances (ec2) · aws · eu-west-2 · 3 rows · 2026-03-28T14:30:00Z}. */
  static String heading(ResultInfo result, int rows) {
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
    text.append(" · ").append(rows).append(rows == 1 ? " row" : " rows");
    if (result.timestamp() != null) {
      text.append(" · ").append(TextTable.visible(result.timestamp()));
    }
    return text.toString();
  }
}
