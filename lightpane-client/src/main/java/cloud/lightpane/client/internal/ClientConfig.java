package cloud.lightpane.client.internal;

import cloud.lightpane.client.Sleeper;
import cloud.lightpane.client.auth.Credentials;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.DoubleSupplier;

/**
 * Everything a built client decided, in one immutable place.
 *
 * @param baseUrl the API root, without a trailing slash
 * @param credentials who the client is
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for the response, and for each piece of its body
 * @param deadline the overall limit of a call, retries included, or null for none
 * @param maxRetries retries after the first attempt
 * @param initialBackoff the wait before the first retry when the server does not say
 * @param maxBackoff the longest backoff between retries
 * @param retryAfterCap the longest {@code Retry-After} the client waits by itself
 * @param userAgent the {@code User-Agent} header
 * @param executor runs async work
 * @param clock the wall clock (for {@code Retry-After} dates)
 * @param sleeper the sleeper, or null for the system one (async then uses a delayed executor)
 * @param jitter random numbers in [0, 1) for backoff jitter
 * @param logTraffic whether each attempt is logged at INFO rather than DEBUG
 * @param proxy {@code host:port} of the HTTP proxy the calls go through, or null when direct
 */
public record ClientConfig(
    URI baseUrl,
    Credentials credentials,
    Duration connectTimeout,
    Duration requestTimeout,
    Duration deadline,
    int maxRetries,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration retryAfterCap,
    String userAgent,
    Executor executor,
    Clock clock,
    Sleeper sleeper,
    DoubleSupplier jitter,
    boolean logTraffic,
    String proxy) {

  /** The URI of a path under the base URL ({@code /discovery}, {@code /keys/...}). */
  public URI resolve(String path) {
    return URI.create(baseUrl.toString() + path);
  }
}
