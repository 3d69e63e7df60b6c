package cloud.lightpane.client.internal;

import cloud.lightpane.client.internal.json.Json;
import cloud.lightpane.client.internal.transport.TransportResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What went wrong with one attempt: an error status with what the server said, or an I/O error.
 * Exactly one of {@link #status()} (non-zero) and {@link #io()} (non-null) is set.
 */
public final class Failure {
  /** The most of an error body that is kept; error documents are tiny, proxy pages are not. */
  static final int MAX_ERROR_BODY = 64 * 1024;

  private final int status;
  private final Map<String, List<String>> headers;
  private final String body;
  private final String errorMessage;
  private final IOException io;

  private Failure(
      int status,
      Map<String, List<String>> headers,
      String body,
      String errorMessage,
      IOException io) {
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.errorMessage = errorMessage;
    this.io = io;
  }

  /** An I/O failure. */
  public static Failure of(IOException io) {
    return new Failure(0, Map.of(), null, null, io);
  }

  /**
   * An error status: reads (at most 64 KiB of) the body and closes the response. A body that breaks
   * off is kept as far as it came; the status is what matters.
   */
  public static Failure of(TransportResponse response) {
    byte[] bytes;
    try (InputStream in = response.body()) {
      bytes = in.readNBytes(MAX_ERROR_BODY);
    } catch (IOException e) {
      bytes = new byte[0];
    }
    String body = new String(bytes, StandardCharsets.UTF_8);
    return new Failure(
        response.status(),
        response.headers(),
        body.isEmpty() ? null : body,
        errorField(bytes),
        null);
  }

  private static String errorField(byte[] body) {
    int i = 0;
    while (i < body.length && Character.isWhitespace(body[i])) {
      i++;
    }
    if (i == body.length || body[i] != '{') {
      return null;
    }
    try {
      Object doc = Json.read(body);
      if (doc instanceof Map && ((Map<?, ?>) doc).get("error") instanceof String) {
        return (String) ((Map<?, ?>) doc).get("error");
      }
    } catch (IOException e) {
      // Not an error document; the raw body is still kept for the caller.
    }
    return null;
  }

  /** The HTTP status, or 0 for an I/O failure. */
  public int status() {
    return status;
  }

  /** The response headers (empty for an I/O failure). */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of a response header, or null. */
  public String header(String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /** The raw error body, or null. */
  public String body() {
    return body;
  }

  /** The server's {@code error} field, or null. */
  public String errorMessage() {
    return errorMessage;
  }

  /** The I/O error, or null. */
  public IOException io() {
    return io;
  }

  /** A short description for log lines. */
  public String brief() {
    if (io != null) {
      return "failed: " + Failures.describe(io);
    }
    return status + (errorMessage == null ? "" : " " + errorMessage);
  }
}
