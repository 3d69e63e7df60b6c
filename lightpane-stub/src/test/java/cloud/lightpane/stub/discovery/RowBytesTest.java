package cloud.lightpane.stub.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast row path writes exactly the bytes Jackson's generator writes for the same rows. */
class RowBytesTest {

  private static final JsonFactory JSON = new JsonFactory();

  private static final List<Object> VALUES =
      Arrays.asList(
          "plain",
          "",
          null,
          true,
          false,
          0,
          -7,
          Integer.MIN_VALUE,
          Long.MAX_VALUE,
          Long.MIN_VALUE,
          1234567890123L,
          "quote \" and backslash \\ and slash /",
          "controls \n\t\r\b\f \u0000 \u001f \u007f",
          "caf\u00e9 \u20ac \u2028",
          "emoji \ud83d\ude00",
          1.5d,
          Double.NaN,
          Double.NEGATIVE_INFINITY,
          1.0e-20d,
          2.5f,
          new BigDecimal("1E+3"),
          new BigInteger("123456789012345678901234567890"),
          (short) 3,
          new StringBuilder("not a string"));

  @Test
  void writesWhatJacksonWrites() throws IOException {
    List<String> keys = List.of("name", "quo\"te", "caf\u00e9", "x");
    // Enough rows to cross the buffer several times, every value in every column.
    List<Object[]> rows = new ArrayList<>();
    for (int r = 0; r < 20_000; r++) {
      Object[] row = new Object[keys.size()];
      for (int c = 0; c < row.length; c++) {
        row[c] = VALUES.get((r + c * 5) % VALUES.size());
      }
      rows.add(row);
    }
    rows.add(new Object[] {"y".repeat(100_000), "z".repeat(40_000), "\u00e9".repeat(40_000), 1});

    assertEquals(jackson(keys, rows), fast(keys, rows));
  }

  @Test
  void writesRowsWithoutColumns() throws IOException {
    List<Object[]> rows = List.of(new Object[0], new Object[0]);
    assertEquals(jackson(List.of(), rows), fast(List.of(), rows));
  }

  private static String jackson(List<String> keys, List<Object[]> rows) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartArray();
      for (Object[] row : rows) {
        json.writeStartObject();
        for (int c = 0; c < keys.size(); c++) {
          json.writeFieldName(keys.get(c));
          DiscoveryResponseWriter.writeValue(json, row[c]);
        }
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String fast(List<String> keys, List<Object[]> rows) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RowBytes bytes = new RowBytes(JSON, out);
    byte[][] prefixes = bytes.fieldPrefixes(keys);
    bytes.raw('[');
    for (int r = 0; r < rows.size(); r++) {
      if (r > 0) {
        bytes.raw(',');
      }
      if (keys.isEmpty()) {
        bytes.raw('{');
      }
      for (int c = 0; c < keys.size(); c++) {
        bytes.raw(prefixes[c]);
        bytes.value(rows.get(r)[c]);
      }
      bytes.raw('}');
    }
    bytes.raw(']');
    bytes.drain();
    return out.toString(StandardCharsets.UTF_8);
  }
}
