package cloud.lightpane.client.internal.exchange;

import java.time.Duration;

/**
 * What the retry policy decided after a failed attempt: wait this long and try again, or stop for a
 * reason (which {@link FailureText} words).
 *
 * @param delay the wait before the next attempt, or null to stop
 * @param stop why the client stops, when it does
 */
public record Decision(Duration delay, Stop stop) {
  /** Why retrying stops. */
  public enum Stop {
    /** The failure is not worth retrying, or the call was the only attempt allowed. */
    FINAL,
    /** A status came back for a call that must not be repeated (creating a key). */
    ARRIVED_NOT_REPEATABLE,
    /** The request may have reached the server, and the call must not be repeated. */
    MAY_HAVE_ARRIVED_NOT_REPEATABLE,
    /** The server asks for a longer wait than the client's cap. */
    RETRY_AFTER_TOO_LONG,
    /** Every allowed attempt was made. */
    GAVE_UP,
    /** The deadline leaves no time for another attempt. */
    NO_TIME_LEFT
  }

  /** Try again after {@code delay}. */
  static Decision retryAfter(Duration delay) {
    return new Decision(delay, null);
  }

  /** Stop. */
  static Decision stop(Stop why) {
    return new Decision(null, why);
  }

  /** Whether to try again. */
  public boolean retry() {
    return delay != null;
  }
}
