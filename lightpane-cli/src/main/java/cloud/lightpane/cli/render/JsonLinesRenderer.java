package cloud.lightpane.cli.render;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * JSON Lines: one object per row, {@code {"service":..,"provider":..,"region":..,"row":{..}}}. The
 * row sits in its own object, so its keys never collide with the fields that say where it came
 * from, and it keeps every key and value the server sent.
 */
public final class JsonLinesRenderer implements RowRenderer {
  private final Writer out;
  private final StringBuilder line = new StringBuilder(512);
  private String prefix;

  public JsonLinesRenderer(Writer out) {
    this.out = out;
  }

  @Override
  public void resultStart(ResultInfo result, List<Field> fields) {
    // The same source fields start every row of a result: build them once.
    StringBuilder text = new StringBuilder(64);
    try {
      text.append("{\"service\":");
      JsonText.write(text, result.service());
      text.append(",\"provider\":");
      JsonText.write(text, result.provider());
      text.append(",\"region\":");
      JsonText.write(text, result.region());
      text.append(",\"row\":");
    } catch (IOException e) {
      throw new AssertionError("StringBuilder does not throw", e);
    }
    prefix = text.toString();
  }

  @Override
  public void row(RowView row) throws IOException {
    // One line is built in memory and written at once: a Writer takes a lock for every call.
    line.setLength(0);
    line.append(prefix);
    row.writeJson(line);
    line.append("}\n");
    out.append(line);
  }

  @Override
  public void resultEnd(ResultInfo result) {
    prefix = null;
  }

  @Override
  public void finish() throws IOException {
    out.flush();
  }
}
