package cloud.lightpane.stub.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cloud.lightpane.stub.Http;
import cloud.lightpane.stub.KeySpec;
import cloud.lightpane.stub.MintedKey;
import cloud.lightpane.stub.MutableClock;
import cloud.lightpane.stub.StubServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Step 5: sliding-window limits, their headers, and exactness under concurrency. */
class RateLimitTest {

  static final String BODY =
      "{\"services\": [{\"service\": \"ec2\", \"provider\": \"aws\", \"region\": \"eu-west-2\", \"attributes\": [\"name\"]}]}";

  static MutableClock clock = new MutableClock(Instant.parse("2026-03-15T10:00:00Z"));
  static StubServer server;

  @BeforeAll
  static void start() {
    server = StubServer.builder().clock(clock).defaultRateLimit(4).build().start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private Http.Reply discover(MintedKey key) {
    Http.Request request = new Http(server.uri()).post("/discovery", BODY);
    return key == null ? request.send() : request.bearer(key.token()).send();
  }

  @Test
  void slidingWindowWithHeaders() {
    MintedKey key = server.mintKey(KeySpec.apiKey("three").rateLimitRpm(3));
    for (int remaining = 2; remaining >= 0; remaining--) {
      Http.Reply reply = discover(key);
      assertEquals(200, reply.status());
      assertEquals("3", reply.header("RateLimit-Limit"));
      assertEquals(String.valueOf(remaining), reply.header("RateLimit-Remaining"));
      assertEquals(String.valueOf(60 - 10 * (2 - remaining)), reply.header("RateLimit-Reset"));
      clock.advance(Duration.ofSeconds(10));
    }
    Http.Reply limited = discover(key);
    assertEquals(429, limited.status());
    assertEquals("Rate limit exceeded", limited.error());
    assertEquals("0", limited.header("RateLimit-Remaining"));
    assertEquals("30", limited.header("RateLimit-Reset"));
    assertEquals("30", limited.header("Retry-After"));
    // A refused request is not counted: once the first request leaves the window, one slot frees.
    clock.advance(Duration.ofMillis(29_500));
    Http.Reply almost = discover(key);
    assertEquals(429, almost.status());
    assertEquals("1", almost.header("Retry-After"), "rounded up");
    clock.advance(Duration.ofMillis(500));
    Http.Reply again = discover(key);
    assertEquals(200, again.status());
    assertEquals("0", again.header("RateLimit-Remaining"));
    assertEquals("10", again.header("RateLimit-Reset"));
    clock.advance(Duration.ofMinutes(2));
  }

  @Test
  void everyResponseFromStepFiveOnCarriesTheHeaders() {
    MintedKey key =
        server.mintKey(KeySpec.apiKey("headers").rateLimitRpm(100).allowedServices("s3"));
    Http.Reply forbidden = discover(key);
    assertEquals(403, forbidden.status());
    assertEquals("100", forbidden.header("RateLimit-Limit"));
    assertEquals("99", forbidden.header("RateLimit-Remaining"));
    Http.Reply unsupported =
        new Http(server.uri())
            .post("/discovery", BODY)
            .header("Content-Type", "text/plain")
            .bearer(key.token())
            .send();
    assertEquals(415, unsupported.status());
    assertEquals("98", unsupported.header("RateLimit-Remaining"));
    Http.Reply unauthorized =
        new Http(server.uri()).post("/discovery", BODY).bearer("csl_ak_x").send();
    assertEquals(401, unauthorized.status());
    assertNull(unauthorized.header("RateLimit-Limit"));
    clock.advance(Duration.ofMinutes(2));
  }

  @Test
  void keysWithoutALimitAndAnonymousCallersTakeTheDefault() {
    MintedKey key = server.mintKey(KeySpec.apiKey("default"));
    for (int i = 0; i < 4; i++) {
      assertEquals(200, discover(key).status());
    }
    assertEquals(429, discover(key).status());
    for (int i = 0; i < 4; i++) {
      assertEquals("4", discover(null).header("RateLimit-Limit"));
    }
    assertEquals(429, discover(null).status());
    // Sessions are not limited.
    Http.Reply session = new Http(server.uri()).post("/discovery", BODY).session(server).send();
    assertEquals(200, session.status());
    assertNull(session.header("RateLimit-Limit"));
    clock.advance(Duration.ofMinutes(2));
  }

  @Test
  void exactUnderConcurrency() throws Exception {
    MintedKey key = server.mintKey(KeySpec.apiKey("busy").rateLimitRpm(25));
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        results.add(
            pool.submit(
                () -> {
                  go.await(10, TimeUnit.SECONDS);
                  return discover(key).status();
                }));
      }
      go.countDown();
      int ok = 0;
      int limited = 0;
      for (Future<Integer> result : results) {
        int status = result.get(30, TimeUnit.SECONDS);
        ok += status == 200 ? 1 : 0;
        limited += status == 429 ? 1 : 0;
      }
      assertEquals(25, ok);
      assertEquals(35, limited);
    } finally {
      pool.shutdownNow();
      clock.advance(Duration.ofMinutes(2));
    }
  }
}
