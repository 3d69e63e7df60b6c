package cloud.lightpane.stub.internal.http;

import cloud.lightpane.stub.internal.errors.ApiException;
import cloud.lightpane.stub.internal.limits.RateLimiter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The response of one exchange: collects the headers every step adds (CORS, rate limit) and sends
 * JSON, an error, an empty answer or a stream. Exactly one of them is sent.
 */
final class Response {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final long LINGER_MILLIS = 1000;

  private final HttpExchange exchange;
  private final boolean head;
  private Cors cors = Cors.NONE;
  private String origin;
  private RateLimiter.Decision rate;
  private int status;
  private boolean sent;
  private boolean lingers;

  Response(HttpExchange exchange) {
    this.exchange = exchange;
    this.head = "HEAD".equals(exchange.getRequestMethod());
  }

  void cors(Cors cors, String origin) {
    this.cors = cors;
    this.origin = origin;
  }

  void rateLimit(RateLimiter.Decision decision) {
    this.rate = decision;
  }

  int status() {
    return status;
  }

  boolean sent() {
    return sent;
  }

  void json(int code, JsonNode body) throws IOException {
    json(code, body, false);
  }

  private void json(int code, JsonNode body, boolean linger) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    Headers headers = prepare(code);
    headers.set("Content-Type", "application/json");
    if (head) {
      exchange.sendResponseHeaders(code, -1);
      return;
    }
    exchange.sendResponseHeaders(code, bytes.length);
    OutputStream out = exchange.getResponseBody();
    out.write(bytes);
    out.flush();
    if (linger) {
      lingers = true; // closed later, by the handler's scheduler
    } else {
      out.close();
    }
  }

  /**
   * Whether the answer is flushed but the connection must stay open {@link #LINGER_MILLIS} before
   * it closes. The JDK server closes the connection as soon as the response stream closes; a client
   * still sending its body then gets a reset that may swallow the answer before it reads it, so a
   * short pause lets the client read it first.
   */
  boolean lingers() {
    return lingers;
  }

  void error(ApiException error) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    error.headers().forEach(headers::set);
    if (error.closesConnection()) {
      headers.set("Connection", "close");
    }
    ObjectNode body = JSON.createObjectNode().put("error", error.getMessage());
    json(error.status(), body, error.closesConnection());
  }

  void empty(int code) throws IOException {
    prepare(code);
    exchange.sendResponseHeaders(code, -1);
  }

  /** Sends 200 with a chunked body written by {@code writer}. */
  void stream(BodyWriter writer) throws IOException {
    Headers headers = prepare(200);
    headers.set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 1 << 16);
    writer.writeTo(out);
    // Flushed, not closed: the chunk that ends the body goes when ApiHandler closes the exchange,
    // after it has logged the request, so a client holding its answer finds the line written.
    out.flush();
  }

  private Headers prepare(int code) {
    if (sent) {
      throw new IllegalStateException("response already sent");
    }
    sent = true;
    status = code;
    Headers headers = exchange.getResponseHeaders();
    cors.apply(headers, origin);
    if (rate != null) {
      headers.set("RateLimit-Limit", Integer.toString(rate.limit()));
      headers.set("RateLimit-Remaining", Integer.toString(rate.remaining()));
      headers.set("RateLimit-Reset", Long.toString(rate.resetSeconds()));
      if (!rate.admitted()) {
        headers.set("Retry-After", Long.toString(rate.retryAfterSeconds()));
      }
    }
    return headers;
  }

  /** Writes a streamed body. */
  interface BodyWriter {
    void writeTo(OutputStream out) throws IOException;
  }
}
