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

  /**
   * Reads what is left of a body that has been used up (at most 64 KiB, normally nothing but the
   * end of the stream) and closes it, so that the connection can be reused. A body with more left
   * than that is simply closed, dropping its connection.
   */
  public void finish() throws IOException {
    try (InputStream in = body) {
      byte[] buffer = new byte[8192];
      int left = 64 * 1024;
      int n;
      while (left > 0 && (n = in.read(buffer, 0, Math.min(buffer.length, left))) >= 0) {
        left -= n;
      }
    }
  }

  @Override
  public void close() throws IOException {
    body.close();
  }
}
