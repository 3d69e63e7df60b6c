package cloud.lightpane.client.internal.transport;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * One HTTP request as a transport sends it: everything already decided (headers, credentials,
 * timeouts); a transport adds nothing of its own.
 *
 * @param method the HTTP method
 * @param uri the full URI
 * @param headers header names to values, in order (credentials included)
 * @param body the body, or null for none
 * @param timeout how long to wait for the response headers, and for each piece of the body
 * @param deadlineNanos the {@link System#nanoTime()} after which the attempt is abandoned, or
 *     {@link Long#MAX_VALUE} for none
 * @param idempotent whether repeating the request is harmless (a transport may then let its HTTP
 *     stack repeat it on a broken kept-alive connection)
 */
public record TransportRequest(
    String method,
    URI uri,
    Map<String, String> headers,
    byte[] body,
    Duration timeout,
    long deadlineNanos,
    boolean idempotent) {

  /** The time left until the deadline, capped at the per-read timeout. */
  public Duration effectiveTimeout() {
    if (deadlineNanos == Long.MAX_VALUE) {
      return timeout;
    }
    long left = Math.max(1_000_000L, deadlineNanos - System.nanoTime());
    return left < timeout.toNanos() ? Duration.ofNanos(left) : timeout;
  }
}
