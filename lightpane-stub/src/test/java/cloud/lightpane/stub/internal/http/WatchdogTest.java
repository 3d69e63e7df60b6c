package cloud.lightpane.stub.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WatchdogTest {

  @Test
  void theSweepLooksEveryTenthOfTheShorterLimitWithin1To100Ms() {
    assertEquals(
        Duration.ofMillis(100), Watchdog.tick(Duration.ofSeconds(10), Duration.ofSeconds(30)));
    assertEquals(
        Duration.ofMillis(20), Watchdog.tick(Duration.ofSeconds(5), Duration.ofMillis(200)));
    assertEquals(
        Duration.ofMillis(30), Watchdog.tick(Duration.ofMillis(300), Duration.ofSeconds(5)));
    assertEquals(Duration.ofMillis(1), Watchdog.tick(Duration.ofMillis(5), Duration.ofMillis(5)));
    assertEquals(
        Duration.ofMillis(100), Watchdog.tick(Duration.ofMinutes(5), Duration.ofMinutes(5)));
  }

  /** What a worker saw: whether it was interrupted, and whether the watchdog says it timed out. */
  private record Seen(boolean interrupted, boolean timedOut) {}

  private static CompletableFuture<Seen> run(Watchdog watchdog, Runnable beforeWaiting) {
    CompletableFuture<Seen> seen = new CompletableFuture<>();
    watchdog
        .executor()
        .execute(
            () -> {
              beforeWaiting.run();
              boolean interrupted = false;
              try {
                Thread.sleep(3_000);
              } catch (InterruptedException e) {
                interrupted = true;
              }
              seen.complete(new Seen(interrupted, watchdog.timedOut()));
            });
    return seen;
  }

  @Test
  void aRequestPastItsHeadLimitIsInterruptedAlsoAfterTheSweeperSleptIdle() throws Exception {
    try (Watchdog watchdog = new Watchdog(2, Duration.ofMillis(50), Duration.ofSeconds(30))) {
      for (int round = 0; round < 2; round++) {
        Seen seen = run(watchdog, () -> {}).get(10, TimeUnit.SECONDS);
        assertTrue(seen.interrupted(), "round " + round);
        assertTrue(seen.timedOut(), "round " + round);
        Thread.sleep(200); // nothing armed: the sweeper parks until the next deadline
      }
    }
  }

  @Test
  void theBodyLimitReplacesTheHeadLimit() throws Exception {
    try (Watchdog watchdog = new Watchdog(2, Duration.ofSeconds(30), Duration.ofMillis(50))) {
      Seen seen = run(watchdog, watchdog::bodyStarted).get(10, TimeUnit.SECONDS);
      assertTrue(seen.interrupted());
      assertTrue(seen.timedOut());
    }
  }

  @Test
  void aClearedDeadlineNeverFires() throws Exception {
    try (Watchdog watchdog = new Watchdog(2, Duration.ofMillis(50), Duration.ofMillis(50))) {
      Seen seen = run(watchdog, watchdog::bodyDone).get(10, TimeUnit.SECONDS);
      assertFalse(seen.interrupted());
      assertFalse(seen.timedOut());
    }
  }
}
