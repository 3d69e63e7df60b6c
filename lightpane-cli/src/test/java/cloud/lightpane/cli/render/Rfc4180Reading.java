package cloud.lightpane.cli.render;

import com.opencsv.ICSVParser;
import com.opencsv.RFC4180ParserBuilder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV read back as RFC 4180 says: records end at a CRLF outside quotes, and each record's fields
 * are parsed by opencsv's {@code RFC4180Parser}. Not through opencsv's {@code CSVReader}, whose
 * line reading cannot give back every valid file exactly: without {@code keepCarriageReturn} a CR
 * inside a value comes back as LF; with it (opencsv 5.12.0), an empty line is taken for the end of
 * the input ({@code LineReader.readUntilNewline} returns null), and a quoted field at the end of a
 * record followed by its CR is never closed. Either way a value such as {@code "\n\n"} read as an
 * "Unterminated quoted field" (the fuzzer's input {@code 0a 0a f4}) though the file is valid.
 */
final class Rfc4180Reading {
  private Rfc4180Reading() {}

  /** Every record of {@code csv}; a record without its CRLF or with an open quote is refused. */
  static List<String[]> readAll(String csv) throws IOException {
    ICSVParser parser = new RFC4180ParserBuilder().build();
    List<String[]> records = new ArrayList<>();
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (c == '"') {
        // A doubled quote inside a quoted field flips twice: the parity says inside or outside.
        quoted = !quoted;
      } else if (c == '\n' && !quoted) {
        if (i == start || csv.charAt(i - 1) != '\r') {
          throw new IOException("A record that does not end in CRLF at " + i);
        }
        records.add(parser.parseLine(csv.substring(start, i - 1)));
        start = i + 1;
      }
    }
    if (start != csv.length()) {
      throw new IOException(
          (quoted ? "Unterminated quoted field" : "A last record without CRLF") + " at " + start);
    }
    return records;
  }
}
