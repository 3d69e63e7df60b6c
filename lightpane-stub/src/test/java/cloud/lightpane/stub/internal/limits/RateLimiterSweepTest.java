package cloud.lightpane.stub.internal.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.stub.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The sweep that drops idle buckets once there are many (one-off anonymous IPs) must keep every
 * bucket that still has a request inside its window, even when its oldest request has left.
 */
class RateLimiterSweepTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-15T10:00:00Z"));
  private final RateLimiter limiter = new RateLimiter(clock);

  @Test
  void aBucketWhoseOldestRequestLeftButNewerOnesRemainSurvivesTheSweep() {
    assertTrue(limiter.acquire("key", 3).admitted()); // t = 0 s
    clock.advance(Duration.ofSeconds(50));
    assertTrue(limiter.acquire("key", 3).admitted()); // t = 50 s
    assertTrue(limiter.acquire("key", 3).admitted()); // t = 50 s
    clock.advance(Duration.ofSeconds(11)); // t = 61 s: the first left, two remain until 110 s

    // More than the sweep's threshold of other buckets, each seen once, then one more to sweep.
    for (int i = 0; i < 10_002; i++) {
      limiter.acquire("ip:" + i, 1);
    }

    RateLimiter.Decision third = limiter.acquire("key", 3);
    assertTrue(third.admitted(), "one slot is free: the request of t = 0 left the window");
    assertEquals(0, third.remaining());
    assertEquals(49, third.resetSeconds(), "the requests of t = 50 s leave at t = 110 s");
    assertFalse(limiter.acquire("key", 3).admitted(), "the sweep forgot the bucket's count");
  }

  @Test
  void aBucketSeenOnceJustNowSurvivesTheSweep() {
    for (int i = 0; i < 10_002; i++) {
      limiter.acquire("ip:" + i, 1);
    }
    clock.advance(Duration.ofSeconds(59));
    limiter.acquire("trigger", 1);
    assertFalse(limiter.acquire("ip:0", 1).admitted(), "ip:0's request is 59 s old: still counted");
    clock.advance(Duration.ofSeconds(1));
    assertTrue(limiter.acquire("ip:0", 1).admitted(), "60 s on, it has left the window");
  }
}
