package cloud.lightpane.stub.internal.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.lightpane.stub.internal.accounts.DemoUser;
import cloud.lightpane.stub.inventory.Inventory;
import cloud.lightpane.stub.inventory.InventoryRow;
import cloud.lightpane.stub.inventory.RowSet;
import cloud.lightpane.stub.inventory.ServiceDefinition;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The fast row path writes exactly the bytes Jackson's generator writes for the same rows, and each
 * kind of value has the literal JSON the contract asks for. The expected side never goes through
 * the server's own value writer: a mistake there would otherwise agree with itself.
 */
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
          expectedValue(json, row[c]);
        }
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** What a value must be on the wire, told to Jackson directly by its Java type. */
  private static void expectedValue(JsonGenerator json, Object value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof String s) {
      json.writeString(s);
    } else if (value instanceof Boolean b) {
      json.writeBoolean(b);
    } else if (value instanceof Double d) {
      json.writeNumber(d.doubleValue());
    } else if (value instanceof Float f) {
      json.writeNumber(f.floatValue());
    } else if (value instanceof BigDecimal d) {
      json.writeNumber(d);
    } else if (value instanceof BigInteger i) {
      json.writeNumber(i);
    } else if (value instanceof Number n) {
      json.writeNumber(n.longValue());
    } else {
      json.writeString(value.toString());
    }
  }

  @Test
  void eachKindOfValueHasItsLiteralJson() throws IOException {
    List<Object> values =
        Arrays.asList(
            null,
            "a\"b",
            true,
            -7,
            Long.MIN_VALUE,
            1.5d,
            -0.25d,
            1.0e-20d,
            2.5f,
            new BigDecimal("1E+3"),
            new BigInteger("123456789012345678901234567890"),
            (short) 3,
            new StringBuilder("sb"));
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      keys.add("k" + i);
    }
    String expected =
        "[{\"k0\":null,\"k1\":\"a\\\"b\",\"k2\":true,\"k3\":-7,"
            + "\"k4\":-9223372036854775808,\"k5\":1.5,\"k6\":-0.25,\"k7\":1.0E-20,"
            + "\"k8\":2.5,\"k9\":1E+3,\"k10\":123456789012345678901234567890,\"k11\":3,"
            + "\"k12\":\"sb\"}]";
    List<Object[]> rows = new ArrayList<>();
    rows.add(values.toArray());
    assertEquals(expected, fast(keys, rows));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartArray();
      json.writeStartObject();
      for (int c = 0; c < keys.size(); c++) {
        json.writeFieldName(keys.get(c));
        DiscoveryResponseWriter.writeValue(json, values.get(c));
      }
      json.writeEndObject();
      json.writeEndArray();
    }
    assertEquals(expected, out.toString(StandardCharsets.UTF_8), "the generator path");
  }

  private static String fast(List<String> keys, List<Object[]> rows) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RowBytes bytes = new RowBytes(JSON, out);
    out.write('[');
    bytes.startRows(keys);
    for (Object[] row : rows) {
      bytes.startRow();
      for (Object value : row) {
        bytes.value(value);
      }
      bytes.endRow();
    }
    bytes.drain();
    out.write(']');
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void writesMadeValuesAsTheValuesTheyStandFor() throws IOException {
    List<String> keys = List.of("a", "b", "c", "d");
    List<Object[]> rows = new ArrayList<>();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RowBytes bytes = new RowBytes(JSON, out);
    out.write('[');
    bytes.startRows(keys);
    String[] prefixes = {"ec2-", "", "caf\u00e9-", "q\"-", "x".repeat(30_000)};
    long[] numbers = {
      0,
      7,
      99,
      100,
      255,
      1_000_000_007L,
      2_147_483_647L,
      2_147_483_648L,
      9_999_999_999L,
      10_000_000_000L,
      1_000_000_000_000_000_000L,
      Long.MAX_VALUE,
      -3,
      -10_000_000_000L
    };
    for (int r = 0; r < 30_000; r++) {
      String prefix = prefixes[r % prefixes.length];
      long number = numbers[r % numbers.length];
      long bits = r * 0x9E3779B97F4A7C15L;
      int digits = r % 17;
      bytes.startRow();
      bytes.string(prefix, number);
      bytes.hexString(prefix, bits, digits);
      bytes.number(number);
      bytes.bool(r % 3 == 0);
      bytes.endRow();
      String hex = Long.toHexString(bits);
      hex = "0".repeat(16 - hex.length()) + hex;
      rows.add(
          new Object[] {prefix + number, prefix + hex.substring(16 - digits), number, r % 3 == 0});
    }
    bytes.drain();
    out.write(']');

    assertEquals(jackson(keys, rows), out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void syntheticRowsWriteWhatTheirValuesSay() throws IOException {
    Inventory inventory = Inventory.synthetic(700);
    for (ServiceDefinition service : inventory.catalogue().services()) {
      List<String> keys = new ArrayList<>(service.columnKeys());
      // Asked in another order, with a column the service does not have.
      Collections.reverse(keys);
      keys.add("no_such_column");
      Set<String> oneAccount = Set.of(DemoUser.accounts(service.provider()).get(0).accountId());
      for (Set<String> accounts : Arrays.asList(null, oneAccount)) {
        RowSet rowSet = inventory.rows(service, "eu-west-2", accounts);
        List<Object[]> rows = new ArrayList<>();
        for (InventoryRow row : rowSet) {
          rows.add(keys.stream().map(row::value).toArray());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RowBytes bytes = new RowBytes(JSON, out);
        out.write('[');
        bytes.startRows(keys);
        rowSet.writeTo(keys, bytes);
        bytes.drain();
        out.write(']');

        assertEquals(rowSet.count(), rows.size(), service.id());
        assertEquals(jackson(keys, rows), out.toString(StandardCharsets.UTF_8), service.id());
      }
    }
  }
}
