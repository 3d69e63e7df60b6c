package cloud.lightpane.stub.internal.limits;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sliding-window rate limits: at most {@code limit} admitted requests per bucket in any 60-second
 * window. Exact under concurrency: the check and the count of one request happen under the bucket's
 * lock, so {@code limit} requests racing for the last slots never admit one too many.
 */
public final class RateLimiter {

  static final long WINDOW_MILLIS = 60_000;
  private static final int SWEEP_THRESHOLD = 10_000;

  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  /** A limiter reading time from this clock. */
  public RateLimiter(Clock clock) {
    this.clock = clock;
  }

  /**
   * Counts one request against a bucket if it is under its limit.
   *
   * @param bucket the key's grant id, or the anonymous caller's IP
   * @param limit requests allowed in any 60 seconds, at least 1
   */
  public Decision acquire(String bucket, int limit) {
    if (windows.size() > SWEEP_THRESHOLD) {
      sweep();
    }
    long now = clock.millis();
    Decision[] decision = new Decision[1];
    // Counting inside compute() makes it atomic with the sweep's removal of idle windows: a request
    // can never be counted in a window that has just been dropped.
    windows.compute(
        bucket,
        (k, window) -> {
          Window w = window == null ? new Window() : window;
          decision[0] = w.acquire(now, limit);
          return w;
        });
    return decision[0];
  }

  /** Drops buckets whose window is empty, so that many one-off anonymous IPs cost nothing. */
  private void sweep() {
    long now = clock.millis();
    for (String bucket : windows.keySet()) {
      windows.computeIfPresent(bucket, (k, window) -> window.idleAt(now) ? null : window);
    }
  }

  /**
   * The outcome of one request: whether it was admitted and the values of the {@code RateLimit-*}
   * headers.
   *
   * @param admitted true when the request was counted
   * @param limit the limit of the bucket
   * @param remaining requests left in the window after this one
   * @param resetSeconds whole seconds, rounded up, until the oldest counted request leaves the
   *     window; 0 when the window is empty
   */
  public record Decision(boolean admitted, int limit, int remaining, long resetSeconds) {
    /** The {@code Retry-After} of a refused request: at least one second. */
    public long retryAfterSeconds() {
      return Math.max(1, resetSeconds);
    }
  }

  private static final class Window {
    private final ArrayDeque<Long> admitted = new ArrayDeque<>();

    synchronized Decision acquire(long now, int limit) {
      while (!admitted.isEmpty() && admitted.peekFirst() + WINDOW_MILLIS <= now) {
        admitted.pollFirst();
      }
      boolean ok = admitted.size() < limit;
      if (ok) {
        admitted.addLast(now);
      }
      long reset = admitted.isEmpty() ? 0 : ceilSeconds(admitted.peekFirst() + WINDOW_MILLIS - now);
      return new Decision(ok, limit, Math.max(0, limit - admitted.size()), reset);
    }

    synchronized boolean idleAt(long now) {
      return admitted.isEmpty() || admitted.peekLast() + WINDOW_MILLIS <= now;
    }

    private static long ceilSeconds(long millis) {
      return (millis + 999) / 1000;
    }
  }
}
