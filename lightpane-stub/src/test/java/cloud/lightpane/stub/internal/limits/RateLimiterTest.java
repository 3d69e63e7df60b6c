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
}
