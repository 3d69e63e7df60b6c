package cloud.lightpane.stub.internal.faults;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/**
 * The response body of a request that a {@code reset}, {@code truncate} or {@code drip} rule hit.
 * Only a successful answer (2xx) is spoiled; an error passes untouched. The body is held (up to
 * {@link #HELD} bytes, so a million-row stream still costs flat memory), then:
 *
 * <ul>
 *   <li>reset: half of it is sent and the connection is closed with the HTTP framing incomplete (no
 *       last chunk), as when a connection drops;
 *   <li>truncate: half of it is sent as if it were the whole body (the last chunk follows), then
 *       the connection is closed: complete HTTP, broken JSON;
 *   <li>drip: it is sent in small pieces spread evenly over the rule's duration; what comes after
 *       the first {@link #HELD} bytes follows at full speed.
 * </ul>
 *
 * A body longer than {@link #HELD} is cut after its first {@code HELD / 2} bytes. The connection is
 * closed by failing {@link #close()}: the JDK's exchange then drops the connection instead of
 * keeping it alive.
 */
final class SpoiledBody extends OutputStream {

  static final int HELD = 128 * 1024;
  private static final long DRIP_STEP_MILLIS = 50;

  private final HttpExchange exchange;
  private final OutputStream out;
  private final FaultSpec fault;
  private final ByteArrayOutputStream held = new ByteArrayOutputStream();
  private Boolean spoiled;
  private boolean done; // the fault has happened: reset/truncate refuse more, drip passes through
  private boolean closed;

  SpoiledBody(HttpExchange exchange, OutputStream out, FaultSpec fault) {
    this.exchange = exchange;
    this.out = out;
    this.fault = fault;
  }

  private boolean spoiled() {
    if (spoiled == null) {
      int code = exchange.getResponseCode();
      spoiled = code >= 200 && code < 300;
    }
    return spoiled;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    if (!spoiled() || (done && fault.kind() == FaultSpec.Kind.DRIP)) {
      out.write(bytes, offset, length);
      return;
    }
    if (done) {
      throw cut();
    }
    held.write(bytes, offset, length);
    if (held.size() > HELD) {
      happen(true);
      if (fault.kind() != FaultSpec.Kind.DRIP) {
        throw cut();
      }
    }
  }

  @Override
  public void flush() throws IOException {
    if (!spoiled() || (done && fault.kind() == FaultSpec.Kind.DRIP)) {
      out.flush();
    }
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (!spoiled()) {
      out.close();
      return;
    }
    if (!done) {
      happen(false);
    }
    if (fault.kind() == FaultSpec.Kind.DRIP) {
      out.close();
      return;
    }
    if (fault.kind() == FaultSpec.Kind.TRUNCATE) {
      try {
        out.close(); // the last chunk: the body looks complete
      } catch (IOException e) {
        // a body with a Content-Length cannot look complete; it is cut all the same
      }
    }
    throw cut(); // the exchange drops the connection
  }

  /** Sends the held bytes the fault's way; {@code overflow}: the body is longer than held. */
  private void happen(boolean overflow) throws IOException {
    done = true;
    byte[] body = held.toByteArray();
    held.reset();
    if (fault.kind() == FaultSpec.Kind.DRIP) {
      drip(body);
      return;
    }
    int keep = overflow ? HELD / 2 : body.length / 2;
    out.write(body, 0, keep);
    out.flush();
  }

  private void drip(byte[] body) throws IOException {
    long total = fault.duration().toMillis();
    int pieces = (int) Math.max(1, Math.min(body.length, total / DRIP_STEP_MILLIS));
    long pause = total / pieces;
    int offset = 0;
    for (int i = 0; i < pieces; i++) {
      int end = (int) ((long) body.length * (i + 1) / pieces);
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("the server is stopping");
      }
      out.write(body, offset, end - offset);
      out.flush();
      offset = end;
    }
  }

  private IOException cut() {
    return new IOException("fault " + fault.kind().name().toLowerCase() + ": body cut on purpose");
  }
}
