package cloud.lightpane.cli.diff;

import java.io.IOException;
import java.io.Writer;

/**
 * {@code -o json}: one compact document, {@code {"differences": [...], "summary": {"added": N,
 * "removed": N, "changed": N}}}, written as the differences are found.
 */
final class JsonDiffWriter implements DiffWriter {
  private final Writer out;
  private final StringBuilder item = new StringBuilder(1024);
  private boolean first = true;

  JsonDiffWriter(Writer out) {
    this.out = out;
  }

  @Override
  public void difference(Difference difference) throws IOException {
    item.setLength(0);
    item.append(first ? "{\"differences\":[" : ",");
    first = false;
    DifferenceJson.append(item, difference);
    out.append(item);
  }

  @Override
  public void finish(Summary summary) throws IOException {
    out.append(first ? "{\"differences\":[" : "")
        .append("],\"summary\":{\"added\":")
        .append(Long.toString(summary.added()))
        .append(",\"removed\":")
        .append(Long.toString(summary.removed()))
        .append(",\"changed\":")
        .append(Long.toString(summary.changed()))
        .append("}}\n");
    out.flush();
  }
}
