package cloud.lightpane.cli.diff;

import cloud.lightpane.cli.render.TextTable;
import cloud.lightpane.cli.terminal.TerminalFacts;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.regex.Pattern;

/**
 * {@code -o table}, the default: one section per service, provider and region, its title then a
 * table of the differences, and a summary line at the end ({@code No differences.} when there are
 * none). A table is sized from its lines, so a section is written in blocks of at most {@link
 * #BLOCK} lines: memory stays bounded however many rows differ. Cells are shown the way {@link
 * TextTable} shows them: control characters escaped, fitted to a terminal.
 */
final class TableDiffWriter implements DiffWriter {
  static final int BLOCK = 1000;
  private static final Pattern TRAILING_SPACES = Pattern.compile(" +$", Pattern.MULTILINE);
  private static final String BOLD = "\u001b[1m";
  private static final String RESET = "\u001b[0m";

  private final Writer out;
  private final TerminalFacts facts;
  private final boolean colour;
  private final SectionTitle titles;
  private Difference section;
  private TextTable table;

  TableDiffWriter(Writer out, TerminalFacts facts, SectionTitle titles) {
    this.out = out;
    this.facts = facts;
    this.colour = facts.colour();
    this.titles = titles;
  }

  @Override
  public void difference(Difference difference) throws IOException {
    if (!difference.sameGroup(section)) {
      writeBlock();
      if (section != null) {
        out.write('\n');
      }
      section = difference;
      String title = TextTable.visible(titles.of(difference));
      out.write(colour ? BOLD + title + RESET : title);
      out.write("\n\n");
    }
    if (table == null) {
      table = new TextTable(DiffLines.header(difference.idColumns(), "->"));
    }
    for (String[] line : DiffLines.lines(difference, "->")) {
      table.add(line);
    }
    if (table.size() >= BLOCK) {
      writeBlock();
    }
  }

  private void writeBlock() throws IOException {
    if (table != null) {
      StringWriter block = new StringWriter();
      table.write(block, facts, colour);
      table = null;
      // An added or removed row leaves the last cells empty: no padding at the end of its line.
      out.write(TRAILING_SPACES.matcher(block.getBuffer()).replaceAll(""));
    }
  }

  @Override
  public void finish(Summary summary) throws IOException {
    writeBlock();
    if (section != null) {
      out.write('\n');
    }
    out.write(summary.sentence());
    out.write('\n');
    out.flush();
  }
}
