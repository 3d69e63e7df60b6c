package cloud.lightpane.client.internal.exchange;

import cloud.lightpane.client.ErrorReason;
import cloud.lightpane.client.internal.json.Json;
import cloud.lightpane.client.internal.transport.TransportResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What went wrong with one attempt, classified once into a {@link FailureKind}: an error status
 * with what the server said, an I/O error, or a success whose body is not valid JSON.
 */
public final class Failure {
  /** The most of an error body that is kept; error documents are tiny, proxy pages are not. */
  static final int MAX_ERROR_BODY = 64 * 1024;

  private final FailureKind kind;
  private final int status;
  private final Map<String, List<String>> headers;
  private final String body;
  private final String errorMessage;
  private final IOException io;

  private Failure(
      FailureKind kind,
      int status,
      Map<String, List<String>> headers,
      String body,
      String errorMessage,
      IOException io) {
    this.kind = kind;
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.errorMessage = errorMessage;
    this.io = io;
  }

  /** An I/O failure, classified against the call's deadline. */
  public static Failure of(IOException io, long deadlineNanos) {
    return new Failure(FailureKind.of(io, deadlineNanos), 0, Map.of(), null, null, io);
  }

  /** A success whose body is not valid JSON (the exception is Jackson's). */
  public static Failure invalidJson(IOException json, Map<String, List<String>> headers) {
    return new Failure(FailureKind.INVALID_JSON, 0, headers, null, null, json);
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
        FailureKind.STATUS,
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

  /** The kind of failure. */
  public FailureKind kind() {
    return kind;
  }

  /** The HTTP status, or 0 when no error status came. */
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

  /** The server's {@code error} field as an open value ({@link ErrorReason#NONE} if absent). */
  public ErrorReason reason() {
    return ErrorReason.of(errorMessage);
  }

  /** The I/O (or JSON) error, or null for a status. */
  public IOException io() {
    return io;
  }

  /** A short description for log lines. */
  public String brief() {
    switch (kind) {
      case STATUS:
        return status + (errorMessage == null ? "" : " " + errorMessage);
      case INVALID_JSON:
        return "invalid JSON";
      default:
        return "failed: " + FailureText.describe(io);
    }
  }
}
