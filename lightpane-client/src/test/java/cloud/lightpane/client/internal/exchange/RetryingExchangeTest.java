package cloud.lightpane.client.internal.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.client.RateLimitException;
import cloud.lightpane.client.Sleeper;
import cloud.lightpane.client.auth.Credentials;
import cloud.lightpane.client.internal.BodyReader;
import cloud.lightpane.client.internal.Call;
import cloud.lightpane.client.internal.ClientConfig;
import cloud.lightpane.client.internal.transport.TransportResponse;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The retry policy's exact decisions (the wait, or why it stops) and the shared pause after a 429,
 * against a scripted layer below and a sleeper that records instead of waiting.
 */
class RetryingExchangeTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-28T14:30:00Z"), ZoneOffset.UTC);

  private final List<Duration> sleeps = new ArrayList<>();
  private final Map<String, ArrayDeque<Failure>> script = new HashMap<>();
  private Runnable duringFirstSleep = () -> {};

  private final Sleeper sleeper =
      d -> {
        sleeps.add(d);
        if (sleeps.size() == 1) {
          duringFirstSleep.run();
        }
      };

  private final Exchange scripted =
      new Exchange() {
        @Override
        public <T> Outcome<T> send(Attempt attempt, BodyReader<T> reader) {
          Failure f = script.getOrDefault(attempt.call().path(), new ArrayDeque<>()).poll();
          return f == null ? Outcome.success(null, 200, Map.of()) : Outcome.failure(f);
        }

        @Override
        public <T> CompletableFuture<Outcome<T>> sendAsync(Attempt attempt, BodyReader<T> reader) {
          return CompletableFuture.completedFuture(send(attempt, reader));
        }
      };

  private static ClientConfig config(Duration deadline, int maxRetries, Sleeper sleeper) {
    return new ClientConfig(
        URI.create("http://127.0.0.1:9"),
        Credentials.anonymous(),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        deadline,
        maxRetries,
        Duration.ofMillis(500),
        Duration.ofSeconds(8),
        Duration.ofSeconds(60),
        "test",
        Runnable::run,
        CLOCK,
        sleeper,
        () -> 0.0,
        false,
        null);
  }

  private static Call call(String path) {
    return new Call("POST", path, null, true);
  }

  static Failure status(int status, String retryAfter) {
    Map<String, List<String>> headers =
        retryAfter == null ? Map.of() : Map.of("Retry-After", List.of(retryAfter));
    return Failure.of(
        new TransportResponse(
            status,
            headers,
            new ByteArrayInputStream(
                ("{\"error\": \"status " + status + "\"}").getBytes(StandardCharsets.UTF_8))));
  }

  private void script(String path, Failure... failures) {
    script.put(path, new ArrayDeque<>(List.of(failures)));
  }

  @Test
  void aRetryAfterOfExactlyTheCapIsWaitedAndOneSecondMoreIsNot() {
    RetryingExchange retrying = new RetryingExchange(config(null, 3, sleeper), scripted);
    assertEquals(
        new Decision(Duration.ofSeconds(60), null),
        retrying.decide(call("/discovery"), 1, status(503, "60"), Long.MAX_VALUE));
    assertEquals(
        new Decision(null, Decision.Stop.RETRY_AFTER_TOO_LONG),
        retrying.decide(call("/discovery"), 1, status(503, "61"), Long.MAX_VALUE));
  }

  @Test
  void aDeadlineAnHourAwayLeavesTimeForTheBackoffAndOneTooCloseDoesNot() {
    RetryingExchange retrying = new RetryingExchange(config(null, 3, sleeper), scripted);
    long inAnHour = System.nanoTime() + Duration.ofHours(1).toNanos();
    assertEquals(
        new Decision(Duration.ofMillis(500), null),
        retrying.decide(call("/discovery"), 1, status(503, null), inAnHour));
    assertEquals(
        new Decision(Duration.ofSeconds(30), null),
        retrying.decide(call("/discovery"), 1, status(503, "30"), inAnHour));
    long inAMillisecond = System.nanoTime() + 1_000_000L;
    assertEquals(
        new Decision(null, Decision.Stop.NO_TIME_LEFT),
        retrying.decide(call("/discovery"), 1, status(503, null), inAMillisecond));
  }

  @Test
  void theLongerOfTwoRateLimitPausesHoldsTheOtherCalls() {
    // Call a meets a 429 asking for 10 s; while it waits, call b meets one asking for 1 s, then
    // call c starts. Both b and c wait out what is left of a's 10 s, not b's 1 s.
    RetryingExchange retrying =
        new RetryingExchange(config(Duration.ofHours(1), 3, sleeper), scripted);
    script("/a", status(429, "10"));
    script("/b", status(429, "1"));
    duringFirstSleep =
        () -> {
          retrying.execute(call("/b"), BodyReader.UNREAD);
          retrying.execute(call("/c"), BodyReader.UNREAD);
        };
    retrying.execute(call("/a"), BodyReader.UNREAD);
    assertEquals(5, sleeps.size(), sleeps.toString());
    assertEquals(Duration.ofSeconds(10), sleeps.get(0)); // a's own wait
    assertRestOfTenSeconds(sleeps.get(1)); // b, before its first attempt
    assertEquals(Duration.ofSeconds(1), sleeps.get(2)); // b's own wait
    assertRestOfTenSeconds(sleeps.get(3)); // b, before its second attempt
    assertRestOfTenSeconds(sleeps.get(4)); // c, before its first attempt
  }

  @Test
  void aPauseThatWouldPassTheCallsDeadlineIsNotWaited() throws Exception {
    // Call c (deadline 10 s) backs off; 1.5 s into its call, call a meets a 429 asking for 9 s
    // and gives up on the next. The pause ends 10.5 s after c started, past c's deadline: c's
    // second attempt goes at once, and the server's answer decides. (Only the 1.5 s is waited for
    // real; the margins are a second or more, so a stalled machine does not change the outcome.)
    RetryingExchange retrying =
        new RetryingExchange(config(Duration.ofSeconds(10), 1, sleeper), scripted);
    script("/c", status(503, null));
    script("/a", status(429, "9"), status(429, "9"));
    long started = System.nanoTime();
    duringFirstSleep =
        () -> {
          while (System.nanoTime() - started < 1_500_000_000L) {
            try {
              Thread.sleep(5);
            } catch (InterruptedException e) {
              throw new AssertionError(e);
            }
          }
          assertThrows(
              RateLimitException.class, () -> retrying.execute(call("/a"), BodyReader.UNREAD));
        };
    retrying.execute(call("/c"), BodyReader.UNREAD);
    // c's backoff, then a's own wait; nothing more: c did not wait for a's pause.
    assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(9)), sleeps);
  }

  private static void assertRestOfTenSeconds(Duration d) {
    assertTrue(
        d.compareTo(Duration.ofSeconds(9)) > 0 && d.compareTo(Duration.ofSeconds(10)) <= 0,
        d.toString());
  }
}
