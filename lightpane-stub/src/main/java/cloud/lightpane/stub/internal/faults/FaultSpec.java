package cloud.lightpane.stub.internal.faults;

import java.time.Duration;
import java.util.Locale;

/**
 * One {@code --fault} rule, parsed from {@value #GRAMMAR}: what goes wrong, to which requests, and
 * on which endpoints. A pure value: which request it hits is {@link FaultPlan}'s business.
 *
 * @param kind what goes wrong
 * @param status the status of a {@link Kind#STATUS} fault, else 0
 * @param duration the delay of {@link Kind#LATENCY} or the spread of {@link Kind#DRIP}, else zero
 * @param trigger which requests among those on {@code scope} it hits
 * @param count N of {@code first=N} or {@code every=N}, else 0
 * @param rate P of {@code rate=P}, else 0
 * @param retryAfterSeconds the {@code Retry-After} of a 429 or 503, or -1 for none
 * @param scope the endpoints it watches
 */
public record FaultSpec(
    Kind kind,
    int status,
    Duration duration,
    Trigger trigger,
    long count,
    double rate,
    long retryAfterSeconds,
    Scope scope) {

  /** The accepted grammar, quoted by every error. */
  public static final String GRAMMAR =
      "KIND[:VALUE][,first=N|,every=N|,rate=P][,retry-after=S][,on=discovery|keys|all] with KIND"
          + " status:CODE, latency:DURATION, reset, truncate or drip:DURATION"
          + " (e.g. status:503,first=2 or latency:200ms,rate=0.5)";

  /** What goes wrong. */
  public enum Kind {
    /** An error status with a JSON error body. */
    STATUS,
    /** A wait before the response head. */
    LATENCY,
    /** The connection dropped mid-body, the HTTP framing left incomplete. */
    RESET,
    /** The body cut short but framed as complete, then the connection closed. */
    TRUNCATE,
    /** The body spread evenly over a duration. */
    DRIP
  }

  /** Which requests a rule hits. */
  public enum Trigger {
    ALWAYS,
    FIRST,
    EVERY,
    RATE
  }

  /** The endpoints a rule watches. */
  public enum Scope {
    /** {@code /discovery} (the default). */
    DISCOVERY,
    /** {@code /keys} and {@code /keys/{grant_id}}. */
    KEYS,
    /** Every path. */
    ALL;

    /** Whether a request to this raw path is watched. */
    boolean covers(String path) {
      return switch (this) {
        case DISCOVERY -> path.equals("/discovery");
        case KEYS -> path.equals("/keys") || path.startsWith("/keys/");
        case ALL -> true;
      };
    }
  }

  /**
   * Parses one SPEC.
   *
   * @throws IllegalArgumentException naming the part that is wrong and quoting {@link #GRAMMAR}
   */
  public static FaultSpec parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw bad(spec, "empty", "give a fault");
    }
    String[] parts = spec.trim().split(",", -1);
    String head = parts[0].trim();
    int colon = head.indexOf(':');
    String name = (colon < 0 ? head : head.substring(0, colon)).toLowerCase(Locale.ROOT);
    String value = colon < 0 ? null : head.substring(colon + 1);
    Kind kind;
    int status = 0;
    Duration duration = Duration.ZERO;
    switch (name) {
      case "status" -> {
        kind = Kind.STATUS;
        status = (int) whole(spec, head, needValue(spec, head, value, "an HTTP status"), 400, 599);
      }
      case "latency", "drip" -> {
        kind = name.equals("latency") ? Kind.LATENCY : Kind.DRIP;
        duration = duration(spec, head, needValue(spec, head, value, "a duration"));
      }
      case "reset", "truncate" -> {
        kind = name.equals("reset") ? Kind.RESET : Kind.TRUNCATE;
        if (value != null) {
          throw bad(spec, head, name + " takes no value");
        }
      }
      default ->
          throw bad(
              spec,
              head,
              "unknown kind; use status:CODE, latency:DURATION, reset, truncate"
                  + " or drip:DURATION");
    }
    Trigger trigger = Trigger.ALWAYS;
    long count = 0;
    double rate = 0;
    long retryAfter = -1;
    Scope scope = Scope.DISCOVERY;
    boolean seenRetryAfter = false;
    boolean seenScope = false;
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i].trim();
      int eq = part.indexOf('=');
      if (eq < 0) {
        throw bad(
            spec, part, "expected NAME=VALUE (first=N, every=N, rate=P, retry-after=S, on=...)");
      }
      String option = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String text = part.substring(eq + 1).trim();
      switch (option) {
        case "first", "every", "rate" -> {
          if (trigger != Trigger.ALWAYS) {
            throw bad(spec, part, "only one of first=N, every=N and rate=P");
          }
          if (option.equals("rate")) {
            trigger = Trigger.RATE;
            rate = fraction(spec, part, text);
          } else {
            trigger = option.equals("first") ? Trigger.FIRST : Trigger.EVERY;
            count = whole(spec, part, text, 1, Long.MAX_VALUE);
          }
        }
        case "retry-after" -> {
          if (seenRetryAfter) {
            throw bad(spec, part, "retry-after given twice");
          }
          if (kind != Kind.STATUS || (status != 429 && status != 503)) {
            throw bad(spec, part, "retry-after goes only with status:429 or status:503");
          }
          seenRetryAfter = true;
          retryAfter = whole(spec, part, text, 0, 86_400);
        }
        case "on" -> {
          if (seenScope) {
            throw bad(spec, part, "on= given twice");
          }
          seenScope = true;
          scope =
              switch (text.toLowerCase(Locale.ROOT)) {
                case "discovery" -> Scope.DISCOVERY;
                case "keys" -> Scope.KEYS;
                case "all" -> Scope.ALL;
                default -> throw bad(spec, part, "on= takes discovery, keys or all");
              };
        }
        default -> throw bad(spec, part, "unknown option '" + option + "'");
      }
    }
    return new FaultSpec(kind, status, duration, trigger, count, rate, retryAfter, scope);
  }

  private static String needValue(String spec, String head, String value, String what) {
    if (value == null || value.isBlank()) {
      throw bad(spec, head, head.trim() + " needs " + what + " after ':'");
    }
    return value.trim();
  }

  private static long whole(String spec, String part, String text, long min, long max) {
    String digits = text.trim();
    try {
      long n = Long.parseLong(digits);
      if (n >= min && n <= max && digits.chars().allMatch(Character::isDigit)) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(
        spec,
        part,
        "needs a whole number"
            + (max == Long.MAX_VALUE ? " of " + min + " or more" : " from " + min + " to " + max)
            + ", got '"
            + digits
            + "'");
  }

  private static double fraction(String spec, String part, String text) {
    try {
      double p = Double.parseDouble(text);
      if (p > 0 && p <= 1 && !text.matches(".*[a-zA-Z].*")) {
        return p;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(
        spec,
        part,
        "rate needs a fraction above 0 and at most 1, such as 0.25, got '" + text + "'");
  }

  /** {@code 250ms}, {@code 2s}, {@code 1.5s}, {@code 1m}: a number and a unit. */
  static Duration duration(String spec, String part, String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    long unitMillis;
    String number;
    if (lower.endsWith("ms")) {
      unitMillis = 1;
      number = lower.substring(0, lower.length() - 2);
    } else if (lower.endsWith("s")) {
      unitMillis = 1000;
      number = lower.substring(0, lower.length() - 1);
    } else if (lower.endsWith("m")) {
      unitMillis = 60_000;
      number = lower.substring(0, lower.length() - 1);
    } else {
      throw bad(
          spec, part, "needs a duration with a unit such as 200ms, 2s or 1m, got '" + text + "'");
    }
    try {
      if (number.matches("[0-9]+(\\.[0-9]+)?")) {
        double millis = Double.parseDouble(number) * unitMillis;
        if (millis <= Duration.ofHours(1).toMillis()) {
          return Duration.ofNanos(Math.round(millis * 1_000_000));
        }
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(
        spec, part, "needs a duration from 0ms to 60m such as 200ms, 2s or 1m, got '" + text + "'");
  }

  private static IllegalArgumentException bad(String spec, String part, String problem) {
    String where = part == null || part.equals(spec) ? "" : "'" + part.trim() + "': ";
    return new IllegalArgumentException(
        "bad fault '" + spec + "': " + where + problem + "; expected " + GRAMMAR);
  }
}
