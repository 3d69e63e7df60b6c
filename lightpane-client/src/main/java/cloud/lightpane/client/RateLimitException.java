package cloud.lightpane.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The key (or, for anonymous callers, the client IP) made more requests in a minute than its {@code
 * rate_limit_rpm} allows (HTTP 429).
 *
 * <p>The client retries a 429 by itself, waiting as long as the server's {@code Retry-After} asks,
 * as long as that wait is within the configured cap (60 seconds by default). This exception is
 * thrown when the retries are used up or when the server asks for a longer wait than the cap;
 * {@link #retryAfter()} then says how long to wait before trying again.
 */
public class RateLimitException extends LightPaneApiException {
  private static final long serialVersionUID = 1L;

  /** The server's {@code Retry-After}, or null. */
  private final Duration retryAfter;

  /**
   * Creates the exception.
   *
   * @param message the message for the user (never containing a secret)
   * @param statusCode the HTTP status, 429
   * @param errorMessage the server's {@code error} field, or null
   * @param headers the response headers (copied; names compared case-insensitively), or null
   * @param body the raw response body, possibly truncated, or null
   * @param retryAfter how long the server asked the caller to wait, or null when it did not say
   */
  public RateLimitException(
      String message,
      int statusCode,
      String errorMessage,
      Map<String, List<String>> headers,
      String body,
      Duration retryAfter) {
    super(message, statusCode, errorMessage, headers, body);
    this.retryAfter = retryAfter;
  }

  /**
   * How long the server asked to wait before the next request (its {@code Retry-After}).
   *
   * @return the wait, or empty when the server did not say
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
