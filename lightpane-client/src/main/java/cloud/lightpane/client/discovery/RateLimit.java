package cloud.lightpane.client.discovery;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rate-limit state a server reported with a response ({@code RateLimit-Limit}, {@code
 * RateLimit-Remaining}, {@code RateLimit-Reset}): how many requests a minute the caller may make,
 * how many are left in the current window, and how long until the oldest counted request leaves it.
 * Servers send it only to callers under a limit.
 *
 * @param limit requests allowed in any 60-second window
 * @param remaining requests left in the window after this one
 * @param reset time until the window frees a slot ({@link Duration#ZERO} when it is empty)
 */
public record RateLimit(long limit, long remaining, Duration reset) {

  /**
   * The state in a response's headers (names compared as given; pass a case-insensitive map), or
   * empty unless all three headers are present and whole non-negative numbers.
   *
   * @param headers a response's headers, each name to its values (the first value is read)
   * @return the state, or empty when a header is missing or malformed
   */
  public static Optional<RateLimit> fromHeaders(Map<String, List<String>> headers) {
    long limit = number(headers, "RateLimit-Limit");
    long remaining = number(headers, "RateLimit-Remaining");
    long reset = number(headers, "RateLimit-Reset");
    if (limit < 0 || remaining < 0 || reset < 0) {
      return Optional.empty();
    }
    return Optional.of(new RateLimit(limit, remaining, Duration.ofSeconds(reset)));
  }

  private static long number(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    if (values == null || values.isEmpty() || values.get(0) == null) {
      return -1;
    }
    String v = values.get(0).strip();
    if (v.isEmpty() || v.length() > 18) {
      return -1;
    }
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) < '0' || v.charAt(i) > '9') {
        return -1;
      }
    }
    return Long.parseLong(v);
  }
}
