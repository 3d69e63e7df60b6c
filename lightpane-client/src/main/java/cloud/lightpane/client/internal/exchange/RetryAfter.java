package cloud.lightpane.client.internal.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The wait a failed attempt asks for, read from its headers. */
public final class RetryAfter {
  private RetryAfter() {}

  /**
   * The wait a failure asks for: its {@code Retry-After}; for a 429 without one, its {@code
   * RateLimit-Reset} (whole seconds until the window frees a slot), which means the same. Null when
   * it asks for none.
   */
  public static Duration of(Failure failure, Clock clock) {
    Duration d = parse(failure.header("Retry-After"), clock);
    if (d == null && failure.status() == 429) {
      Duration reset = parse(failure.header("RateLimit-Reset"), clock);
      // Reset 0 means the window is already empty; wait a moment rather than not at all.
      d = reset == null ? null : reset.isZero() ? Duration.ofSeconds(1) : reset;
    }
    return d;
  }

  /** Parses a {@code Retry-After} value (seconds or an HTTP date); negative waits become zero. */
  public static Duration parse(String value, Clock clock) {
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
