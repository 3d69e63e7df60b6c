package cloud.lightpane.client.internal.exchange;

import java.util.List;
import java.util.Map;

/**
 * How one attempt ended: a success (the value read from its body, with its status and headers) or a
 * {@link Failure}.
 */
public final class Outcome<T> {
  private final T value;
  private final int status;
  private final Map<String, List<String>> headers;
  private final Failure failure;

  private Outcome(T value, int status, Map<String, List<String>> headers, Failure failure) {
    this.value = value;
    this.status = status;
    this.headers = headers;
    this.failure = failure;
  }

  /** A success. */
  public static <T> Outcome<T> success(T value, int status, Map<String, List<String>> headers) {
    return new Outcome<>(value, status, headers, null);
  }

  /** A failure. */
  public static <T> Outcome<T> failure(Failure failure) {
    return new Outcome<>(null, failure.status(), failure.headers(), failure);
  }

  /** Whether the attempt succeeded. */
  public boolean ok() {
    return failure == null;
  }

  /** The value of a success. */
  public T value() {
    return value;
  }

  /** The HTTP status (0 for an I/O failure). */
  public int status() {
    return status;
  }

  /** The response headers (empty for an I/O failure). */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The failure, or null for a success. */
  public Failure failure() {
    return failure;
  }
}
