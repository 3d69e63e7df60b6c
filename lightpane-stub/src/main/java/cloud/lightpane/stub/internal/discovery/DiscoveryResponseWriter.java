package cloud.lightpane.stub.internal.discovery;

import cloud.lightpane.stub.inventory.ColumnDefinition;
import cloud.lightpane.stub.inventory.Inventory;
import cloud.lightpane.stub.inventory.RowSet;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes {@code {"results": [...]}} as a stream, one row at a time, so a result of a million rows
 * never sits in memory: metadata (its count is known up front), columns, then rows.
 */
final class DiscoveryResponseWriter {

  private static final JsonFactory JSON = new JsonFactory();

  private final Inventory inventory;
  private final EncodedRows kept; // null: the inventory is not repeatable
  private volatile Timestamp lastTimestamp;

  private record Timestamp(long second, String text) {}

  DiscoveryResponseWriter(Inventory inventory) {
    this.inventory = inventory;
    this.kept = inventory.repeatable() ? new EncodedRows(JSON) : null;
  }

  void write(List<PlannedResult> plan, Instant producedAt, OutputStream out) throws IOException {
    String timestamp = timestamp(producedAt);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      // The rows go around the generator (see RowBytes); handing them over must not flush the
      // exchange, or every result would cost an extra chunk on the wire.
      json.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
      // The caller owns the stream (the exchange ends the body when it is closed).
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      RowBytes rowBytes = null; // made for the first result not kept encoded (64 KiB of buffer)
      json.writeStartObject();
      json.writeArrayFieldStart("results");
      for (PlannedResult result : plan) {
        RowSet rows = inventory.rows(result.service(), result.region(), result.accountIds());
        json.writeStartObject();
        json.writeObjectFieldStart("metadata");
        json.writeStringField("service", result.service().id());
        json.writeStringField("service_label", result.service().label());
        json.writeStringField("provider", result.service().provider());
        json.writeStringField("region", result.region());
        json.writeNumberField("count", rows.count());
        json.writeStringField("timestamp", timestamp);
        json.writeEndObject();
        json.writeArrayFieldStart("columns");
        for (ColumnDefinition column : result.columns()) {
          json.writeStartObject();
          json.writeStringField("key", column.key());
          json.writeStringField("label", column.label());
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("rows");
        json.flush();
        List<String> keys = keys(result);
        if (!writeKept(result, keys, rows, out)) {
          if (rowBytes == null) {
            rowBytes = new RowBytes(JSON, out);
          }
          EncodedRows.write(rows, keys, rowBytes);
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  /** The time of an answer as its metadata gives it: ISO 8601 in UTC, to the second. */
  private String timestamp(Instant producedAt) {
    long second = producedAt.getEpochSecond();
    Timestamp last = lastTimestamp;
    if (last == null || last.second() != second) {
      last = new Timestamp(second, producedAt.truncatedTo(ChronoUnit.SECONDS).toString());
      lastTimestamp = last; // answers within one second share the text (a race only redoes it)
    }
    return last.text();
  }

  private static List<String> keys(PlannedResult result) {
    List<String> keys = new ArrayList<>(result.columns().size());
    for (ColumnDefinition column : result.columns()) {
      keys.add(column.key());
    }
    return keys;
  }

  /**
   * Writes the rows from {@link EncodedRows}, straight to the stream, when they are kept (the
   * generator has opened the array and closes it, and writes nothing in between); false when they
   * are not, and the caller streams them.
   */
  private boolean writeKept(PlannedResult result, List<String> keys, RowSet rows, OutputStream out)
      throws IOException {
    if (kept != null) {
      EncodedRows.Key key =
          new EncodedRows.Key(
              result.service().id(),
              result.region(),
              List.copyOf(keys),
              result.accountIds() == null ? null : Set.copyOf(result.accountIds()));
      byte[] encoded = kept.get(key, rows);
      if (encoded != null) {
        // By reference where the stream holds the body (no copy of the rows per request); otherwise
        // one write of the kept array, which past the buffer's size goes straight to the exchange.
        if (out instanceof KeptBytesSink sink) {
          sink.writeKept(encoded);
        } else {
          out.write(encoded);
        }
        return true;
      }
    }
    return false;
  }

  /** How many results are kept encoded (tests); 0 for an inventory that is not repeatable. */
  int keptResults() {
    return kept == null ? 0 : kept.size();
  }

  /** One value as the generator writes it; {@link RowBytes} copies these bytes. */
  static void writeValue(JsonGenerator json, Object value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof String s) {
      json.writeString(s);
    } else if (value instanceof Boolean b) {
      json.writeBoolean(b);
    } else if (value instanceof Integer i) {
      json.writeNumber(i);
    } else if (value instanceof Long l) {
      json.writeNumber(l);
    } else if (value instanceof Double d) {
      json.writeNumber(d);
    } else if (value instanceof BigDecimal d) {
      json.writeNumber(d);
    } else if (value instanceof BigInteger i) {
      json.writeNumber(i);
    } else if (value instanceof Number n) {
      json.writeNumber(n.toString());
    } else {
      json.writeString(value.toString());
    }
  }
}
