package cloud.lightpane.client.internal;

import cloud.lightpane.client.internal.transport.NotSentException;
import cloud.lightpane.client.internal.transport.Watchdog;
import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.function.DoubleSupplier;
import javax.net.ssl.SSLException;

/**
 * Whether to try a failed attempt again, and after how long. The whole policy, one rule per line;
 * sync and async calls share it.
 */
public final class RetryPolicy {
  /** Statuses that say "try again later": timeout, rate limit, and passing server trouble. */
  private static final Set<Integer> RETRYABLE_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

  private final int maxRetries;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration retryAfterCap;
  private final Clock clock;
  private final DoubleSupplier jitter;

  /** The policy of a client. */
  public RetryPolicy(ClientConfig config) {
    this.maxRetries = config.maxRetries();
    this.initialBackoff = config.initialBackoff();
    this.maxBackoff = config.maxBackoff();
    this.retryAfterCap = config.retryAfterCap();
    this.clock = config.clock();
    this.jitter = config.jitter();
  }

  /** The answer: wait this long and try again, or stop (with the reason, for the message). */
  public static final class Decision {
    private final Duration delay;
    private final String reason;

    private Decision(Duration delay, String reason) {
      this.delay = delay;
      this.reason = reason;
    }

    /** Whether to try again. */
    public boolean retry() {
      return delay != null;
    }

    /** How long to wait first. */
    public Duration delay() {
      return delay;
    }

    /** Why the client stops retrying, as a sentence for the message; null when not interesting. */
    public String reason() {
      return reason;
    }
  }

  private static Decision stop(String reason) {
    return new Decision(null, reason);
  }

  /**
   * Decides after attempt number {@code attempt} (1 for the first) failed.
   *
   * @param deadlineNanos the call's deadline in {@link System#nanoTime()} terms, or {@link
   *     Long#MAX_VALUE}
   */
  public Decision decide(Call call, int attempt, Failure failure, long deadlineNanos) {
    if (!retryable(call, failure)) {
      if (!call.idempotent()
          && failure.io() == null
          && RETRYABLE_STATUSES.contains(failure.status())) {
        return stop(
            "Not retried: the request reached the server, and creating a key twice is not safe.");
      }
      if (!call.idempotent()
          && failure.io() != null
          && !(failure.io() instanceof NotSentException)) {
        return stop(
            "Not retried: the request may have reached the server, and creating a key twice is not"
                + " safe; list the keys to see whether it was created.");
      }
      return stop(null);
    }
    Duration retryAfter = retryAfter(failure);
    if (retryAfter != null && retryAfter.compareTo(retryAfterCap) > 0) {
      return stop(
          "The server asks to wait "
              + Failures.seconds(retryAfter)
              + ", longer than the "
              + Failures.seconds(retryAfterCap)
              + " this client waits by itself.");
    }
    if (attempt > maxRetries) {
      return stop(attempt == 1 ? null : "Gave up after " + attempt + " attempts.");
    }
    Duration delay = retryAfter != null ? retryAfter : backoff(attempt);
    if (deadlineNanos != Long.MAX_VALUE
        && System.nanoTime() + delay.toNanos() - deadlineNanos >= 0) {
      return stop("The call's deadline leaves no time for another attempt.");
    }
    return new Decision(delay, null);
  }

  /** Whether this failure may be tried again at all (before counting attempts). */
  static boolean retryable(Call call, Failure failure) {
    IOException io = failure.io();
    if (io == null) {
      // Any status proves the request arrived, so a key creation is never repeated.
      return call.idempotent() && RETRYABLE_STATUSES.contains(failure.status());
    }
    if (io instanceof Watchdog.DeadlineExceededException) {
      return false; // the deadline is spent
    }
    if (io instanceof NotSentException) {
      // A host that does not resolve will not resolve in a second either, and a TLS handshake
      // that failed while connecting fails the same way again.
      Throwable cause = io.getCause();
      return !(cause instanceof UnknownHostException
          || hasCause(cause, UnresolvedAddressException.class)
          || hasCause(cause, SSLException.class));
    }
    if (io instanceof SSLException) {
      return false; // a certificate or protocol mismatch does not heal by itself
    }
    // Resets, early closes and timeouts after sending: safe only if repeating is harmless.
    return call.idempotent();
  }

  private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
    for (int i = 0; t != null && i < 10; i++, t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** The exponential backoff before retry number {@code retry}, with up to 25% jitter off. */
  Duration backoff(int retry) {
    long base = initialBackoff.toNanos() << Math.min(retry - 1, 20);
    long capped = Math.min(base, maxBackoff.toNanos());
    double factor = 1.0 - 0.25 * jitter.getAsDouble();
    return Duration.ofNanos((long) (capped * factor));
  }

  /** The server's {@code Retry-After}, in seconds or as an HTTP date; null when absent or bad. */
  public Duration retryAfter(Failure failure) {
    return retryAfter(failure, clock);
  }

  /**
   * The wait a failure asks for: its {@code Retry-After}; for a 429 without one, its {@code
   * RateLimit-Reset} (whole seconds until the window frees a slot), which means the same.
   */
  static Duration retryAfter(Failure failure, Clock clock) {
    Duration d = parseRetryAfter(failure.header("Retry-After"), clock);
    if (d == null && failure.status() == 429) {
      Duration reset = parseRetryAfter(failure.header("RateLimit-Reset"), clock);
      // Reset 0 means the window is already empty; wait a moment rather than not at all.
      d = reset == null ? null : reset.isZero() ? Duration.ofSeconds(1) : reset;
    }
    return d;
  }

  /** Parses a {@code Retry-After} value; negative waits become zero. */
  public static Duration parseRetryAfter(String value, Clock clock) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    try {
      double seconds = Double.parseDouble(v);
      if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
        return null;
      }
      return seconds <= 0 ? Duration.ZERO : Duration.ofMillis((long) Math.ceil(seconds * 1000));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(clock.instant(), when.toInstant());
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }
}
