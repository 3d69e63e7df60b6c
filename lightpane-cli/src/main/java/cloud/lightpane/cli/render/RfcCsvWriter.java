package cloud.lightpane.cli.render;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * opencsv's writer set up for RFC 4180 (comma, double quote, quotes doubled, CRLF), quoting a field
 * only when it holds a comma, a quote, CR or LF.
 *
 * <p>opencsv decides whether a field needs quotes with five separate scans of it; this does it in
 * one, which is most of the CSV cost at a million rows. The decision is the same as RFC 4180's.
 */
final class RfcCsvWriter extends CSVWriter {
  // One line's text, reused: opencsv allocates a 1 KiB builder per line, a gigabyte of garbage at
  // a million rows in a 64 MiB heap.
  private final StringBuilder line = new StringBuilder(1024);

  RfcCsvWriter(Writer out) {
    super(
        out,
        ICSVWriter.DEFAULT_SEPARATOR,
        ICSVWriter.DEFAULT_QUOTE_CHARACTER,
        ICSVWriter.DEFAULT_ESCAPE_CHARACTER,
        ICSVWriter.RFC4180_LINE_END);
  }

  @Override
  public void writeNext(String[] nextLine, boolean applyQuotesToAll) {
    line.setLength(0);
    try {
      writeNext(nextLine, applyQuotesToAll, line);
    } catch (IOException e) {
      // As opencsv does: recorded for getException(), which the renderers check after each line.
      exception = e;
    }
  }

  @Override
  protected boolean stringContainsSpecialCharacters(String field) {
    for (int i = 0, n = field.length(); i < n; i++) {
      char c = field.charAt(i);
      if (c == '"' || c == ',' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }
}
