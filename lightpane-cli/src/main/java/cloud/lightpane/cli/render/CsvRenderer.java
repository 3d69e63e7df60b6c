package cloud.lightpane.cli.render;

import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV (comma, double quotes, CRLF, quotes only where needed) written row by row: nothing
 * of a result is kept beyond the row being written. The columns follow a {@link CsvLayout}.
 */
public final class CsvRenderer implements RowRenderer {
  private static final char BOM = '\uFEFF';

  private final Writer out;
  private final ICSVWriter csv;
  private final CsvLayout layout;
  private final boolean header;
  private final boolean bom;
  private final boolean excelSafe;
  private List<String> columns;
  private String[] cells;
  private ResultInfo current;
  private boolean started;

  /**
   * @param header write the header line ({@code --no-header} turns it off)
   * @param bom start with a UTF-8 byte-order mark, which Excel needs to read UTF-8
   * @param excelSafe protect every cell a spreadsheet would evaluate as a formula, header and
   *     source cells included (see {@link ExcelSafe})
   */
  public CsvRenderer(Writer out, CsvLayout layout, boolean header, boolean bom, boolean excelSafe) {
    this.out = out;
    this.csv = new RfcCsvWriter(out);
    this.layout = layout;
    this.header = header;
    this.bom = bom;
    this.excelSafe = excelSafe;
    this.columns = layout.columns();
  }

  /** An opencsv writer for RFC 4180 CSV, for other tables the CLI prints (keys). */
  public static ICSVWriter rfc4180(Writer out) {
    return new RfcCsvWriter(out);
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
    int i = 0;
    if (layout.withSource()) {
      cells[i++] = safe(current.service());
      cells[i++] = safe(current.provider());
      cells[i++] = safe(current.region());
    }
    for (String key : columns) {
      String text = row.text(key);
      if (text == null) {
        text = "";
      } else if (excelSafe && row.isString(key)) {
        text = ExcelSafe.cell(text);
      }
      cells[i++] = text;
    }
    write(cells);
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
    if (started) {
      return;
    }
    started = true;
    if (bom) {
      out.write(BOM);
    }
    if (columns == null) {
      // No result at all and no columns known from the request: there is no header to write.
      return;
    }
    List<String> line = layout.header(columns);
    cells = new String[line.size()];
    if (header) {
      String[] labels = line.toArray(new String[0]);
      for (int i = 0; i < labels.length; i++) {
        labels[i] = safe(labels[i]);
      }
      write(labels);
    }
  }

  private void write(String[] line) throws IOException {
    csv.writeNext(line, false);
    // opencsv records write errors instead of throwing them; a closed pipe must stop the run.
    IOException error = csv.getException();
    if (error != null) {
      throw error;
    }
  }

  private String safe(String text) {
    return text == null ? "" : excelSafe ? ExcelSafe.cell(text) : text;
  }
}
