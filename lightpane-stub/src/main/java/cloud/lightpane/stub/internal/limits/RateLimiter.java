package cloud.lightpane.stub.internal.limits;

import java.time.Clock;
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

  /**
   * The admitted requests of one bucket in the last 60 seconds, as a count per millisecond: exact,
   * and never more than 60,000 entries however high the limit (a timestamp per request held a
   * million boxed longs for a key allowed 100,000,000 a minute under load, issue 14).
   */
  private static final class Window {
    private long[] times = new long[4]; // a ring, oldest at `head`
    private int[] counts = new int[4];
    private int head;
    private int entries;
    private long total;

    synchronized Decision acquire(long now, int limit) {
      while (entries > 0 && times[head] + WINDOW_MILLIS <= now) {
        total -= counts[head];
        head = (head + 1) % times.length;
        entries--;
      }
      boolean ok = total < limit;
      if (ok) {
        int last = (head + entries - 1) % times.length;
        if (entries > 0 && times[last] == now) {
          counts[last]++;
        } else {
          append(now);
        }
        total++;
      }
      long reset = entries == 0 ? 0 : ceilSeconds(times[head] + WINDOW_MILLIS - now);
      return new Decision(ok, limit, (int) Math.max(0, limit - total), reset);
    }

    private void append(long now) {
      if (entries == times.length) {
        long[] t = new long[2 * entries];
        int[] c = new int[2 * entries];
        for (int i = 0; i < entries; i++) {
          t[i] = times[(head + i) % times.length];
          c[i] = counts[(head + i) % times.length];
        }
        times = t;
        counts = c;
        head = 0;
      }
      int slot = (head + entries) % times.length;
      times[slot] = now;
      counts[slot] = 1;
      entries++;
    }

    synchronized boolean idleAt(long now) {
      return entries == 0 || times[(head + entries - 1) % times.length] + WINDOW_MILLIS <= now;
    }

    private static long ceilSeconds(long millis) {
      return (millis + 999) / 1000;
    }
  }
}
