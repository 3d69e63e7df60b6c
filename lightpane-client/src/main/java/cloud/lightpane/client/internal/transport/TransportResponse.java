package cloud.lightpane.client.internal.transport;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A response whose headers have arrived; its body is a stream the receiver reads and closes. */
public final class TransportResponse implements Closeable {
  private final int status;
  private final Map<String, List<String>> headers;
  private final InputStream body;

  /** Wraps a response; header names are kept case-insensitively, pseudo-headers dropped. */
  public TransportResponse(int status, Map<String, List<String>> headers, InputStream body) {
    this.status = status;
    Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(
        (k, v) -> {
          if (k != null && !k.startsWith(":")) {
            h.put(k, List.copyOf(v));
          }
        });
    this.headers = h;
    this.body = body == null ? InputStream.nullInputStream() : body;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** All headers; lookups ignore case. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of a header, or null. */
  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The body. */
  public InputStream body() {
    return body;
  }

  @Override
  public void close() throws IOException {
    body.close();
  }
}
