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

  DiscoveryResponseWriter(Inventory inventory) {
    this.inventory = inventory;
    this.kept = inventory.repeatable() ? new EncodedRows(JSON) : null;
  }

  void write(List<PlannedResult> plan, Instant producedAt, OutputStream out) throws IOException {
    String timestamp = producedAt.truncatedTo(ChronoUnit.SECONDS).toString();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      // The rows go around the generator (see RowBytes); handing them over must not flush the
      // exchange, or every result would cost an extra chunk on the wire.
      json.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
      // The caller owns the stream (the exchange ends the body when it is closed).
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      RowBytes rowBytes = new RowBytes(JSON, out);
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
        writeRows(result, rows, rowBytes, out);
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  /**
   * The rows, written straight to the stream (from {@link EncodedRows} when they are kept): the
   * generator has opened the array and closes it, and writes nothing in between.
   */
  private void writeRows(PlannedResult result, RowSet rows, RowBytes bytes, OutputStream out)
      throws IOException {
    List<String> keys = new ArrayList<>(result.columns().size());
    for (ColumnDefinition column : result.columns()) {
      keys.add(column.key());
    }
    if (kept != null) {
      EncodedRows.Key key =
          new EncodedRows.Key(
              result.service().id(),
              result.region(),
              List.copyOf(keys),
              result.accountIds() == null ? null : Set.copyOf(result.accountIds()));
      byte[] encoded = kept.get(key, rows);
      if (encoded != null) {
        // One write of the kept array: past the buffer's size it goes straight to the exchange.
        out.write(encoded);
        return;
      }
    }
    EncodedRows.write(rows, keys, bytes);
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
