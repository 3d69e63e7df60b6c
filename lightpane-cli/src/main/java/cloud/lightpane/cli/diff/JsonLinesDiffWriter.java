package cloud.lightpane.cli.diff;

import java.io.IOException;
import java.io.Writer;

/** {@code -o jsonl}: one {@link DifferenceJson} object per line; nothing when nothing differs. */
final class JsonLinesDiffWriter implements DiffWriter {
  private final Writer out;
  private final StringBuilder line = new StringBuilder(1024);

  JsonLinesDiffWriter(Writer out) {
    this.out = out;
  }

  @Override
  public void difference(Difference difference) throws IOException {
    line.setLength(0);
    DifferenceJson.append(line, difference);
    out.append(line.append('\n'));
  }

  @Override
  public void finish(Summary summary) throws IOException {
    out.flush();
  }
}
