package cloud.lightpane.client.internal.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The wait a failed attempt asks for, read from its headers. */
public final class RetryAfter {
  /** Seconds as servers send them: whole, with a fraction, or (wrongly) negative. */
  private static final Pattern SECONDS = Pattern.compile("(-)?([0-9]+)(?:\\.([0-9]*))?");

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

  /**
   * The longest wait this client represents: a value past it (a {@code Retry-After} of 30 digits)
   * is read as this, which is far beyond any cap and reads as "more than N days".
   */
  public static final Duration LONGEST = Duration.ofSeconds(Long.MAX_VALUE);

  /**
   * Parses a {@code Retry-After} value (seconds, whole or not, or an HTTP date); negative waits
   * become zero and waits too long for a {@link Duration} become {@link #LONGEST}, so that any
   * number a server sends keeps its size instead of wrapping around.
   */
  public static Duration parse(String value, Clock clock) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    Duration seconds = seconds(v);
    if (seconds != null) {
      return seconds;
    }
    try {
      ZonedDateTime when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration d = Duration.between(clock.instant(), when.toInstant());
      return d.isNegative() ? Duration.ZERO : d;
    } catch (DateTimeParseException notDate) {
      return null;
    }
  }

  /** {@code 120}, {@code 1.5}, {@code -3}: a number of seconds of any length, or null. */
  private static Duration seconds(String v) {
    Matcher m = SECONDS.matcher(v);
    if (!m.matches()) {
      return null;
    }
    String whole = m.group(2).replaceFirst("^0+(?=.)", "");
    String fraction = m.group(3) == null ? "" : m.group(3);
    boolean zero = whole.equals("0") && fraction.chars().allMatch(c -> c == '0');
    if (m.group(1) != null || zero) {
      return Duration.ZERO;
    }
    if (whole.length() > 18) {
      // 19 digits or more: at or past Long.MAX_VALUE seconds, 292 billion years.
      return whole.length() > 19 || whole.compareTo(String.valueOf(Long.MAX_VALUE)) >= 0
          ? LONGEST
          : Duration.ofSeconds(Long.parseLong(whole));
    }
    long nanos = 0;
    if (!fraction.isEmpty()) {
      String nine = (fraction + "000000000").substring(0, 9);
      nanos = Long.parseLong(nine);
      // A fraction finer than a nanosecond still asks for a little more wait, never less.
      if (fraction.length() > 9 && !fraction.substring(9).chars().allMatch(c -> c == '0')) {
        nanos++;
      }
    }
    return Duration.ofSeconds(Long.parseLong(whole)).plusNanos(nanos);
  }
}
