package cloud.lightpane.cli.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.lightpane.cli.terminal.TerminalFacts;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Arbitrary column keys and values: CSV that an RFC 4180 reader (opencsv) reads back to exactly the
 * same cells, and a table on a terminal with no raw control character in it. Regression mode (every
 * build) replays {@code RendererFuzzTestInputs}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class RendererFuzzTest {
  private static final ResultInfo RESULT =
      new ResultInfo("ec2", "EC2 Instances", "aws", "eu-west-2", 1, null);

  @FuzzTest(maxDuration = "60s")
  void csvReadsBackToTheSameValues(FuzzedDataProvider data) throws Exception {
    List<Field> fields = new ArrayList<>();
    Map<String, Object> values = new LinkedHashMap<>();
    int columns = data.consumeInt(1, 4);
    for (int i = 0; i < columns; i++) {
      String key = data.consumeString(20);
      if (key.isEmpty() || values.containsKey(key)) {
        key = "k" + i;
      }
      fields.add(new Field(key, key));
      values.put(key, data.consumeString(200));
    }
    StringWriter out = new StringWriter();
    CsvRenderer csv = new CsvRenderer(out, new CsvLayout(false, null), true, false, false);
    csv.resultStart(RESULT, fields);
    csv.row(new MapRow(values));
    csv.resultEnd(RESULT);
    csv.finish();

    // Records split as RFC 4180 says, fields by opencsv (its CSVReader cannot: Rfc4180Reading).
    List<String[]> lines = Rfc4180Reading.readAll(out.toString());
    assertEquals(2, lines.size(), out::toString);
    assertArrayEquals(values.keySet().toArray(new String[0]), lines.get(0), out::toString);
    assertArrayEquals(values.values().toArray(new String[0]), lines.get(1), out::toString);
  }

  @FuzzTest(maxDuration = "60s")
  void aTableOnATerminalHasNoRawControlCharacter(FuzzedDataProvider data) throws Exception {
    List<Field> fields = new ArrayList<>();
    Map<String, Object> values = new LinkedHashMap<>();
    int columns = data.consumeInt(1, 3);
    for (int i = 0; i < columns; i++) {
      String key = "k" + i;
      fields.add(new Field(key, data.consumeString(20)));
      values.put(key, data.consumeString(200));
    }
    StringWriter out = new StringWriter();
    TableRenderer table = new TableRenderer(out, new TerminalFacts(true, 100, false));
    table.resultStart(RESULT, fields);
    table.row(new MapRow(values));
    table.resultEnd(RESULT);
    table.finish();
    String screen = out.toString();
    for (int i = 0; i < screen.length(); i++) {
      char c = screen.charAt(i);
      boolean control =
          (c < 0x20 && c != '\n')
              || (c >= 0x7f && c <= 0x9f)
              || (c >= 0x202a && c <= 0x202e)
              || (c >= 0x2066 && c <= 0x2069)
              || c == 0x2028
              || c == 0x2029
              || (c >= 0x200b && c <= 0x200f);
      if (control) {
        throw new AssertionError(
            String.format("raw U+%04X at %d in the table:%n%s", (int) c, i, screen));
      }
    }
  }
}
