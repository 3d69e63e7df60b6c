package cloud.lightpane.stub.internal.http;

import cloud.lightpane.stub.internal.errors.ApiError;
import cloud.lightpane.stub.internal.errors.ApiException;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The framing and size rules of a request (contract Part B, steps 2 and 9): a {@code
 * Transfer-Encoding} other than {@code chunked} is 501; a malformed or conflicting {@code
 * Content-Length} is 400; a declared length over 1 MiB is 413 before a byte of the body is read; a
 * chunked body is read up to 1 MiB and cut off there with 413. Never more than 1 MiB is read.
 */
final class RequestBody {

  static final int MAX_BYTES = 1_048_576;

  private RequestBody() {}

  /** Checks the framing headers; returns the declared length, or -1 for chunked. */
  static long declaredLength(HttpExchange exchange) {
    List<String> te = exchange.getRequestHeaders().get("Transfer-Encoding");
    List<String> cl = exchange.getRequestHeaders().get("Content-Length");
    if (te != null && !te.isEmpty()) {
      // Exactly "chunked" (any case) with only spaces or tabs around it: trim() would also take a
      // vertical tab or another control off, which another parser on the way may not.
      if (te.size() != 1 || !ows(te.get(0)).equalsIgnoreCase("chunked")) {
        throw ApiError.NOT_IMPLEMENTED.exception().closeConnection();
      }
      if (cl != null) {
        throw malformed(); // both framings at once: a request-smuggling shape
      }
      return -1;
    }
    if (cl == null || cl.isEmpty()) {
      return 0;
    }
    String first = ows(cl.get(0));
    for (String value : cl) {
      if (!ows(value).equals(first)) {
        throw malformed();
      }
    }
    if (!decimal(first)) {
      throw malformed();
    }
    long length;
    try {
      length = Long.parseLong(first);
    } catch (NumberFormatException e) {
      length = Long.MAX_VALUE; // 19 digits above Long.MAX_VALUE: certainly too large
    }
    if (length > MAX_BYTES) {
      throw tooLarge();
    }
    return length;
  }

  /** One to nineteen ASCII digits (a Content-Length a long can hold, or 19 digits just above). */
  private static boolean decimal(String value) {
    if (value.isEmpty() || value.length() > 19) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** The value without the optional whitespace HTTP allows around it (spaces and tabs only). */
  private static String ows(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
      start++;
    }
    while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
      end--;
    }
    return value.substring(start, end);
  }

  /** Reads the whole body (at most 1 MiB; more is 413, broken framing 400). */
  static byte[] read(HttpExchange exchange, long declared) {
    if (declared == 0) {
      consumeEmpty(exchange);
      return new byte[0];
    }
    try (InputStream in = exchange.getRequestBody()) {
      if (declared > 0) {
        // A Content-Length (at most MAX_BYTES, checked before): exactly that much, then the end of
        // the body read as such, which is when the JDK's server counts the request as read (left
        // for the exchange's close, it halved the throughput at 300 rows).
        byte[] body = new byte[(int) declared];
        if (in.readNBytes(body, 0, body.length) != declared || in.read() != -1) {
          throw malformed(); // the body was cut short
        }
        return body;
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
      byte[] buffer = new byte[8192];
      long total = 0;
      int n;
      while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, MAX_BYTES + 1L - total))) > 0) {
        total += n;
        out.write(buffer, 0, n);
        if (total > MAX_BYTES) {
          throw tooLarge();
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw malformed(); // a chunked body that breaks its own framing, or a body cut short
    }
  }

  /**
   * Marks an empty body as fully read, so that the connection can serve the next request (the JDK
   * server closes a connection whose request body was left unread).
   */
  static void consumeEmpty(HttpExchange exchange) {
    try {
      exchange.getRequestBody().read();
    } catch (IOException e) {
      // the connection is going away anyway
    }
  }

  static ApiException malformed() {
    return ApiError.MALFORMED_REQUEST.exception().closeConnection();
  }

  static ApiException tooLarge() {
    return ApiError.BODY_TOO_LARGE.exception().closeConnection();
  }
}
