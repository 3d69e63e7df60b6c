package cloud.lightpane.stub.internal.http;

import cloud.lightpane.stub.internal.discovery.KeptBytesSink;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The response of one exchange: collects the headers every step adds (CORS, rate limit) and sends
 * JSON, an error, an empty answer or a stream. Exactly one of them is sent.
 */
final class Response {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final long LINGER_MILLIS = 1000;

  /**
   * The longest discovery body sent whole, with a {@code Content-Length} (300 rows are about 90
   * KB): one write instead of chunks. Longer bodies stream, so memory stays flat in rows.
   */
  static final int WHOLE_BODY_LIMIT = 256 * 1024;

  private final HttpExchange exchange;
  private final boolean head;
  private Cors cors = Cors.NONE;
  private String origin;
  private RateLimiter.Decision rate;
  private int status;
  private boolean sent;
  private boolean lingers;
  private Held held; // a body kept whole, sent at close
  // An answer other than a streamed 200, sent by finish(): after ApiHandler has logged the request.
  private int pendingCode;
  private byte[] pendingBody; // null: headers only

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
    pendingCode = code;
    pendingBody = head ? null : bytes;
    lingers = linger && !head; // closed later, by the handler's scheduler
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
    pendingCode = code;
  }

  /**
   * Sends 200 with the body {@code writer} writes. A body of at most {@link #WHOLE_BODY_LIMIT}
   * bytes is held and goes with a {@code Content-Length} in one write when the exchange closes
   * ({@link #close}), after ApiHandler has logged the request; a longer one streams with chunked
   * encoding from the moment it passes the limit, its last chunk going at the close. Either way a
   * client holding its whole answer finds the log line written. With {@code chunked} (a fault that
   * spoils the body, defined on chunked framing) it always streams.
   */
  void stream(BodyWriter writer, boolean chunked) throws IOException {
    Headers headers = prepare(200);
    headers.set("Content-Type", "application/json");
    Held out = new Held(chunked ? 0 : WHOLE_BODY_LIMIT);
    try {
      writer.writeTo(out);
    } catch (IOException | RuntimeException e) {
      if (out.whole()) {
        sent = false; // nothing went out: the handler may still answer with an error
      }
      throw e;
    }
    out.flush();
    if (out.whole()) {
      held = out;
    }
  }

  /**
   * Sends an answer made by {@link #json}, {@link #error} or {@link #empty} and flushes it, leaving
   * the exchange open: ApiHandler calls it after logging the request (so that a client holding its
   * answer finds the line written), then closes the exchange at once or, for an answer that {@link
   * #lingers}, a moment later. Does nothing the second time, or for a streamed 200.
   */
  void finish() throws IOException {
    if (pendingCode == 0) {
      return;
    }
    int code = pendingCode;
    byte[] body = pendingBody;
    pendingCode = 0;
    pendingBody = null;
    exchange.sendResponseHeaders(code, body == null ? -1 : body.length);
    if (body != null) {
      OutputStream out = exchange.getResponseBody();
      out.write(body);
      out.flush();
    }
  }

  /**
   * Ends the exchange: sends a held body, then closes (which sends a streamed body's last chunk). A
   * client gone by then only loses its own answer.
   */
  void close() {
    try {
      finish();
      if (held != null) {
        Held body = held;
        held = null;
        exchange.sendResponseHeaders(200, body.total);
        body.sendTo(exchange.getResponseBody());
      }
    } catch (IOException e) {
      // The client went away while its answer was being sent: nothing else to do.
    } finally {
      exchange.close();
    }
  }

  /**
   * The body as it is written: in memory up to {@code limit} bytes, then streamed with chunked
   * encoding through a 64 KiB buffer (with a limit of 0, from the first byte on). In memory it is a
   * list of parts: the bytes written, copied into buffers of its own, and kept rows taken by
   * reference ({@link KeptBytesSink}), so that a cached result is never copied per request.
   */
  private final class Held extends OutputStream implements KeptBytesSink {
    private static final int FIRST_BUFFER = 4 * 1024;
    private final int limit;
    private final List<byte[]> parts = new ArrayList<>(4); // whole arrays, before `bytes`
    private byte[] bytes;
    private int size; // of `bytes`
    private int total; // every part and `size`
    private OutputStream streamed;

    Held(int limit) {
      this.limit = limit;
      this.bytes = new byte[Math.min(limit, FIRST_BUFFER)];
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int offset, int length) throws IOException {
      if (streamed == null && total + length > limit) {
        exchange.sendResponseHeaders(200, 0);
        streamed = new BufferedOutputStream(exchange.getResponseBody(), 1 << 16);
        sendTo(streamed);
        parts.clear();
        bytes = null;
      }
      if (streamed != null) {
        streamed.write(b, offset, length);
        return;
      }
      if (size + length > bytes.length) {
        // Twice the size, or (for one large write) room for it and the few bytes that close the
        // answer, so that those do not copy it all again.
        int room = Math.max(2 * bytes.length, size + length + 1024);
        bytes = Arrays.copyOf(bytes, Math.min(limit, room));
      }
      System.arraycopy(b, offset, bytes, size, length);
      size += length;
      total += length;
    }

    @Override
    public void writeKept(byte[] kept) throws IOException {
      if (streamed != null || total + kept.length > limit) {
        write(kept, 0, kept.length);
        return;
      }
      if (size > 0) {
        parts.add(size == bytes.length ? bytes : Arrays.copyOf(bytes, size));
        bytes = new byte[Math.min(limit, FIRST_BUFFER)];
        size = 0;
      }
      parts.add(kept);
      total += kept.length;
    }

    /** Writes the parts held so far, in order. */
    private void sendTo(OutputStream out) throws IOException {
      for (byte[] part : parts) {
        out.write(part);
      }
      out.write(bytes, 0, size);
      out.flush();
    }

    @Override
    public void flush() throws IOException {
      // Flushed, not closed: the chunk that ends a streamed body goes at the exchange's close.
      if (streamed != null) {
        streamed.flush();
      }
    }

    /** Whether nothing has streamed: the body so far is the first {@code total} bytes. */
    boolean whole() {
      return streamed == null;
    }
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
