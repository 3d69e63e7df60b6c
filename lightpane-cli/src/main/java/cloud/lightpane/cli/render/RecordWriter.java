package cloud.lightpane.cli.render;

import cloud.lightpane.cli.terminal.TerminalFacts;
import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a small list of records (the catalogue's services, a service's columns) in any output
 * format, with the same rules as discovery's renderers: CSV as RFC 4180, TSV and Markdown escaped
 * the same way, JSON as {@code {"NAME": [...]}}, JSON Lines one object per line.
 */
public final class RecordWriter {
  private RecordWriter() {}

  /**
   * @param fields the columns (keys in each record, labels for table and Markdown headers)
   * @param name the array's name in the JSON document
   * @param headers false for {@code --no-headers}
   */
  public static void write(
      Writer out,
      OutputFormat format,
      List<Field> fields,
      List<Map<String, Object>> records,
      String name,
      boolean headers,
      TerminalFacts facts)
      throws IOException {
    write(out, format, fields, records, name, headers, false, facts);
  }

  /**
   * As {@link #write(Writer, OutputFormat, List, List, String, boolean, TerminalFacts)}, and with
   * {@code excelSafe} CSV's string cells go through {@link ExcelSafe} ({@code --excel-safe}).
   */
  public static void write(
      Writer out,
      OutputFormat format,
      List<Field> fields,
      List<Map<String, Object>> records,
      String name,
      boolean headers,
      boolean excelSafe,
      TerminalFacts facts)
      throws IOException {
    switch (format) {
      case JSON -> {
        JsonText.write(out, Map.of(name, records));
        out.write('\n');
      }
      case JSONL -> {
        for (Map<String, Object> record : records) {
          JsonText.write(out, record);
          out.write('\n');
        }
      }
      case CSV -> {
        ICSVWriter csv = CsvRenderer.rfc4180(out);
        if (headers) {
          csv.writeNext(keys(fields).toArray(new String[0]), false);
        }
        for (Map<String, Object> record : records) {
          String[] cells = cells(fields, record);
          if (excelSafe) {
            for (int i = 0; i < cells.length; i++) {
              if (record.get(fields.get(i).key()) instanceof String) {
                cells[i] = ExcelSafe.cell(cells[i]);
              }
            }
          }
          csv.writeNext(cells, false);
        }
        csv.flush();
        if (csv.getException() != null) {
          throw csv.getException();
        }
      }
      case TSV -> {
        StringBuilder line = new StringBuilder();
        if (headers) {
          tsv(line, keys(fields).toArray(new String[0]));
        }
        for (Map<String, Object> record : records) {
          tsv(line, cells(fields, record));
        }
        out.append(line);
      }
      case MARKDOWN -> {
        StringBuilder line = new StringBuilder();
        if (headers) {
          line.append('|');
          for (Field field : fields) {
            line.append(' ');
            MarkdownRenderer.escape(line, field.label());
            line.append(" |");
          }
          line.append("\n|");
          line.append(" --- |".repeat(fields.size())).append('\n');
        }
        for (Map<String, Object> record : records) {
          line.append('|');
          for (String cell : cells(fields, record)) {
            line.append(' ');
            MarkdownRenderer.escape(line, cell);
            line.append(" |");
          }
          line.append('\n');
        }
        out.append(line);
      }
      default -> {
        List<String> labels = new ArrayList<>();
        for (Field field : fields) {
          labels.add(field.label());
        }
        TextTable table = new TextTable(labels);
        for (Map<String, Object> record : records) {
          table.add(cells(fields, record));
        }
        table.write(out, facts, facts.colour(), headers);
      }
    }
    out.flush();
  }

  private static List<String> keys(List<Field> fields) {
    List<String> keys = new ArrayList<>();
    for (Field field : fields) {
      keys.add(field.key());
    }
    return keys;
  }

  private static String[] cells(List<Field> fields, Map<String, Object> record) {
    String[] cells = new String[fields.size()];
    for (int i = 0; i < cells.length; i++) {
      Object value = record.get(fields.get(i).key());
      cells[i] = value == null ? "" : value instanceof String text ? text : JsonText.toJson(value);
    }
    return cells;
  }

  private static void tsv(StringBuilder line, String[] cells) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        line.append('\t');
      }
      TsvRenderer.escape(line, cells[i]);
    }
    line.append('\n');
  }
}
