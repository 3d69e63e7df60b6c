package cloud.lightpane.cli.diff;

import cloud.lightpane.cli.render.MarkdownRenderer;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * {@code -o markdown}, for CI job summaries and pull requests: per section a {@code ###} title and
 * a GitHub-flavoured table, lines written as they come, and a bold summary at the end. Cells are
 * escaped so that data can neither break the table nor turn into markup.
 */
final class MarkdownDiffWriter implements DiffWriter {
  private final Writer out;
  private final SectionTitle titles;
  private final StringBuilder line = new StringBuilder(256);
  private Difference section;

  MarkdownDiffWriter(Writer out, SectionTitle titles) {
    this.out = out;
    this.titles = titles;
  }

  @Override
  public void difference(Difference difference) throws IOException {
    line.setLength(0);
    if (!difference.sameGroup(section)) {
      if (section != null) {
        line.append('\n');
      }
      section = difference;
      line.append("### ");
      MarkdownRenderer.escape(line, titles.of(difference));
      line.append("\n\n");
      row(DiffLines.header(difference.idColumns(), "→").toArray(new String[0]));
      line.append("| --- | --- | --- | --- |\n");
    }
    List<String[]> lines = DiffLines.lines(difference, "→");
    for (String[] cells : lines) {
      row(cells);
    }
    out.append(line);
  }

  private void row(String[] cells) {
    line.append('|');
    for (String cell : cells) {
      line.append(' ');
      MarkdownRenderer.escape(line, cell);
      line.append(" |");
    }
    line.append('\n');
  }

  @Override
  public void finish(Summary summary) throws IOException {
    if (section != null) {
      out.write('\n');
    }
    out.write(summary.total() == 0 ? summary.sentence() : "**" + summary.sentence() + "**");
    out.write('\n');
    out.flush();
  }
}
