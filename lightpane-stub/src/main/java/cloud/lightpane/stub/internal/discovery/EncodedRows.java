package cloud.lightpane.stub.internal.discovery;

import cloud.lightpane.stub.inventory.RowSet;
import com.fasterxml.jackson.core.JsonFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The encoded rows of the results of a {@linkplain
 * cloud.lightpane.stub.inventory.Inventory#repeatable repeatable} inventory, kept so that the same
 * result is encoded once and its bytes written again: the bytes between a result's {@code "rows":[}
 * and {@code ]}, which is all of a result that does not change from one request to the next (its
 * metadata carries the time of the request and is written each time; so are the headers: rate
 * limit, request id, CORS).
 *
 * <p>A result is what its {@link Key} says: service, region, the columns asked for in their order
 * and the accounts the caller may see. Only results of at most {@link #MAX_ROWS} rows are kept, and
 * no more than {@link #MAX_BYTES} in all, so a synthetic result of a million rows still streams as
 * it is made and memory stays flat; past the total, results are written as if there were no cache.
 */
final class EncodedRows {

  /** The most rows of one result that are kept encoded. */
  static final long MAX_ROWS = 20_000;

  /** The most bytes kept, over every result. */
  static final long MAX_BYTES = 64L * 1024 * 1024;

  /** What decides a result's rows. */
  record Key(String service, String region, List<String> columns, Set<String> accountIds) {}

  private final ConcurrentHashMap<Key, byte[]> encoded = new ConcurrentHashMap<>();
  private final AtomicLong bytes = new AtomicLong();
  private final JsonFactory json;

  EncodedRows(JsonFactory json) {
    this.json = json;
  }

  /**
   * The encoded rows of {@code key}: kept ones, or (the first time) encoded now and kept; null when
   * this result is not to be kept (too many rows, or the cache full): the caller streams it.
   */
  byte[] get(Key key, RowSet rows) throws IOException {
    byte[] found = encoded.get(key);
    if (found != null) {
      return found;
    }
    if (rows.count() > MAX_ROWS || bytes.get() >= MAX_BYTES) {
      return null;
    }
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(256 + (int) rows.count() * 128);
    write(rows, key.columns(), new RowBytes(json, buffer));
    byte[] made = buffer.toByteArray();
    if (bytes.addAndGet(made.length) > MAX_BYTES) {
      bytes.addAndGet(-made.length);
      return made;
    }
    byte[] raced = encoded.putIfAbsent(key, made);
    if (raced != null) {
      bytes.addAndGet(-made.length);
      return raced;
    }
    return made;
  }

  /** How many results are kept (tests). */
  int size() {
    return encoded.size();
  }

  /** Streams the rows, as encoded for the cache: the array's content, without its brackets. */
  static void write(RowSet rows, List<String> keys, RowBytes bytes) throws IOException {
    bytes.startRows(keys);
    rows.writeTo(keys, bytes);
    bytes.drain();
  }
}
