package cloud.lightpane.stub.internal.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.stub.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-15T10:00:00Z"));
  private final RateLimiter limiter = new RateLimiter(clock);

  @Test
  void slidesPerMillisecond() {
    assertTrue(limiter.acquire("k", 2).admitted());
    clock.advance(Duration.ofMillis(59_001));
    RateLimiter.Decision second = limiter.acquire("k", 2);
    assertEquals(0, second.remaining());
    assertEquals(1, second.resetSeconds(), "999 ms round up to 1 s");
    RateLimiter.Decision refused = limiter.acquire("k", 2);
    assertFalse(refused.admitted());
    assertEquals(1, refused.retryAfterSeconds());
    clock.advance(Duration.ofMillis(999));
    RateLimiter.Decision third = limiter.acquire("k", 2);
    assertTrue(third.admitted(), "the first request left the window exactly 60 s after it came");
    assertEquals(60, third.resetSeconds(), "59.001 s until 59 001 ms leaves, rounded up");
  }

  @Test
  void bucketsAreIndependentAndIdleOnesAreSweptWithoutLosingCounts() {
    for (int i = 0; i < 10_050; i++) {
      limiter.acquire("ip:" + i, 1);
    }
    assertFalse(limiter.acquire("ip:5", 1).admitted());
    clock.advance(Duration.ofMinutes(1));
    assertTrue(limiter.acquire("ip:5", 1).admitted(), "swept or slid: admitted again");
    assertFalse(limiter.acquire("ip:5", 1).admitted());
  }

  @Test
  void requestsInOneMillisecondCountOneByOneAndLeaveTogether() {
    for (int remaining = 4; remaining >= 2; remaining--) {
      assertEquals(remaining, limiter.acquire("k", 5).remaining());
    }
    clock.advance(Duration.ofMillis(1));
    assertEquals(1, limiter.acquire("k", 5).remaining());
    assertEquals(0, limiter.acquire("k", 5).remaining());
    RateLimiter.Decision refused = limiter.acquire("k", 5);
    assertFalse(refused.admitted());
    assertEquals(60, refused.resetSeconds());
    clock.advance(Duration.ofMillis(59_999)); // the first three leave, the next two are 1 ms short
    RateLimiter.Decision admitted = limiter.acquire("k", 5);
    assertTrue(admitted.admitted());
    assertEquals(2, admitted.remaining());
    assertEquals(1, admitted.resetSeconds());
  }

  /**
   * Against the plainest model of the contract's window (every admitted request's time in a list):
   * the same decision for every request of a long random run, bursts in one millisecond and gaps of
   * up to 20 s, with a limit reached and one that is not.
   */
  @Test
  void matchesAListOfEveryAdmittedRequest() {
    java.util.Random random = new java.util.Random(42);
    for (int limit : new int[] {7, 1000}) {
      java.util.List<Long> model = new java.util.ArrayList<>();
      String bucket = "model-" + limit;
      for (int i = 0; i < 20_000; i++) {
        int step = random.nextInt(10);
        clock.advance(Duration.ofMillis(step < 5 ? 0 : step < 9 ? random.nextInt(50) : 20_000));
        long now = clock.millis();
        model.removeIf(t -> t + 60_000 <= now);
        boolean ok = model.size() < limit;
        if (ok) {
          model.add(now);
        }
        long reset = model.isEmpty() ? 0 : (model.get(0) + 60_000 - now + 999) / 1000;
        RateLimiter.Decision expected =
            new RateLimiter.Decision(ok, limit, Math.max(0, limit - model.size()), reset);
        assertEquals(expected, limiter.acquire(bucket, limit), "request " + i);
      }
    }
  }
}
