package cloud.lightpane.cli.render;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * {@code -o json} after {@code --where}, {@code --sort-by} or {@code --limit}: the response
 * document rebuilt from the shaped rows, in the API's shape ({@code {"results": [{"metadata",
 * "columns", "rows"}]}}), so that a script reads the same fields as without shaping. Rows are
 * written as they come; {@code metadata} follows them because its {@code count} is the number of
 * rows kept, known only at the end of a result.
 */
public final class JsonDocumentRenderer implements RowRenderer {
  private final Writer out;
  private final StringBuilder line = new StringBuilder(512);
  private int results;
  private long rows;

  public JsonDocumentRenderer(Writer out) {
    this.out = out;
  }

  @Override
  public void resultStart(ResultInfo result, List<Field> fields) throws IOException {
    line.setLength(0);
    line.append(results++ == 0 ? "{\"results\":[" : ",");
    line.append("{\"columns\":[");
    for (int i = 0; i < fields.size(); i++) {
      Field field = fields.get(i);
      line.append(i == 0 ? "{\"key\":" : ",{\"key\":");
      JsonText.quote(line, field.key());
      line.append(",\"label\":");
      JsonText.write(line, field.label());
      line.append('}');
    }
    line.append("],\"rows\":[");
    out.append(line);
    rows = 0;
  }

  @Override
  public void row(RowView row) throws IOException {
    line.setLength(0);
    if (rows++ > 0) {
      line.append(',');
    }
    row.writeJson(line);
    out.append(line);
  }

  @Override
  public void resultEnd(ResultInfo result) throws IOException {
    line.setLength(0);
    line.append("],\"metadata\":{\"service\":");
    JsonText.write(line, result.service());
    line.append(",\"service_label\":");
    JsonText.write(line, result.label());
    line.append(",\"provider\":");
    JsonText.write(line, result.provider());
    line.append(",\"region\":");
    JsonText.write(line, result.region());
    line.append(",\"count\":").append(rows);
    line.append(",\"timestamp\":");
    JsonText.write(line, result.timestamp());
    line.append("}}");
    out.append(line);
  }

  @Override
  public void finish() throws IOException {
    out.write(results == 0 ? "{\"results\":[]}\n" : "]}\n");
    out.flush();
  }
}
