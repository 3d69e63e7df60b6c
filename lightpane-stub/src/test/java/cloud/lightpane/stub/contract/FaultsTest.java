package cloud.lightpane.stub.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.stub.Http;
import cloud.lightpane.stub.RawHttp;
import cloud.lightpane.stub.StubServer;
import cloud.lightpane.stub.inventory.Inventory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Faults injected on purpose, as a client sees them on the wire. */
class FaultsTest {

  private static final String BODY =
      "{\"services\":[{\"service\":\"s3\",\"provider\":\"aws\",\"region\":\"eu-west-2\"}]}";

  /** One clock for every server: bodies compared across servers carry the same timestamp. */
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-28T14:30:00Z"), ZoneOffset.UTC);

  private static String discovery(String extraHeaders) {
    return "POST /discovery HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        + extraHeaders
        + "Content-Length: "
        + BODY.length()
        + "\r\nConnection: close\r\n\r\n"
        + BODY;
  }

  private static StubServer start(String... faults) {
    StubServer.Builder builder = StubServer.builder().clock(CLOCK);
    for (String fault : faults) {
      builder.fault(fault);
    }
    return builder.build().start();
  }

  /** The body of a chunked response, its chunks joined; whether the last chunk came. */
  private record Dechunked(String body, boolean complete) {}

  private static Dechunked dechunk(String raw) {
    StringBuilder body = new StringBuilder();
    int at = 0;
    while (true) {
      int eol = raw.indexOf("\r\n", at);
      if (eol < 0) {
        return new Dechunked(body.toString(), false);
      }
      int size = Integer.parseInt(raw.substring(at, eol).trim(), 16);
      if (size == 0) {
        return new Dechunked(body.toString(), raw.startsWith("\r\n", eol + 2));
      }
      int start = eol + 2;
      if (start + size > raw.length()) {
        body.append(raw, start, raw.length());
        return new Dechunked(body.toString(), false);
      }
      body.append(raw, start, start + size);
      at = start + size + 2;
    }
  }

  /**
   * The body of an answer no body fault hit: sent whole with a Content-Length when it is at most
   * 256 KiB, chunked when longer.
   */
  private static String unspoiled(RawHttp.Exchange reply) {
    String encoding = reply.header("Transfer-Encoding");
    if (encoding != null && encoding.equalsIgnoreCase("chunked")) {
      Dechunked body = dechunk(reply.body());
      assertTrue(body.complete(), "the last chunk came: " + reply.text());
      return body.body();
    }
    assertEquals(
        Integer.toString(reply.body().getBytes(StandardCharsets.ISO_8859_1).length),
        reply.header("Content-Length"),
        reply.text());
    return reply.body();
  }

  private static String wholeBody() {
    try (StubServer server = start()) {
      RawHttp.Exchange whole = RawHttp.send(server.uri(), discovery(""), 5000);
      assertEquals(200, whole.status());
      assertEquals("application/json", whole.header("Content-Type"));
      assertEquals(null, whole.header("Transfer-Encoding"), "a small answer goes whole");
      return unspoiled(whole);
    }
  }

  @Test
  void statusFirstTwoAnswers503WithRetryAfterThenTheRealAnswer() {
    try (StubServer server = start("status:503,first=2,retry-after=3")) {
      Http http = new Http(server.uri());
      for (int i = 0; i < 2; i++) {
        Http.Reply reply = http.post("/discovery", BODY).send();
        assertEquals(503, reply.status());
        assertEquals("Injected fault: HTTP 503", reply.error());
        assertEquals("3", reply.header("Retry-After"));
      }
      Http.Reply third = http.post("/discovery", BODY).send();
      assertEquals(200, third.status());
      assertEquals("s3", third.json().at("/results/0/metadata/service").asText());
      assertNull(third.header("Retry-After"));
    }
  }

  @Test
  void retryAfterZeroIsSentAsZeroAndNoRetryAfterSendsNone() {
    try (StubServer server = start("status:429,first=1,retry-after=0")) {
      Http.Reply reply = new Http(server.uri()).post("/discovery", BODY).send();
      assertEquals(429, reply.status());
      assertEquals("0", reply.header("Retry-After"));
    }
    try (StubServer server = start("status:503,first=1")) {
      Http.Reply reply = new Http(server.uri()).post("/discovery", BODY).send();
      assertEquals(503, reply.status());
      assertNull(reply.header("Retry-After"));
    }
  }

  private static String pattern(long seed) {
    try (StubServer server =
        StubServer.builder().fault("status:503,rate=0.5").faultSeed(seed).build().start()) {
      Http http = new Http(server.uri());
      StringBuilder statuses = new StringBuilder();
      for (int i = 0; i < 24; i++) {
        statuses.append(http.post("/discovery", BODY).send().status() == 503 ? 'x' : '.');
      }
      return statuses.toString();
    }
  }

  @Test
  void theFaultSeedDecidesWhichRequestsARateHits() {
    String seven = pattern(7);
    assertEquals(seven, pattern(7), "the same seed, the same requests");
    assertTrue(seven.contains("x") && seven.contains("."), seven);
    assertFalse(
        seven.equals(pattern(8)) && seven.equals(pattern(9)), "other seeds, other requests");
  }

  @Test
  void a429SaysWhatTheRateLimiterSaysAndOtherEndpointsAreUntouched() {
    try (StubServer server = start("status:429")) {
      Http http = new Http(server.uri());
      Http.Reply reply = http.post("/discovery", BODY).send();
      assertEquals(429, reply.status());
      assertEquals("Rate limit exceeded", reply.error());
      assertNull(reply.header("Retry-After"), "no retry-after given");
      assertEquals(200, http.get("/keys").session(server).send().status());
    }
  }

  @Test
  void faultedRequestsCountAgainstTheRateLimitWindow() {
    try (StubServer server = StubServer.builder().defaultRateLimit(2).fault("status:503").build()) {
      server.start();
      Http http = new Http(server.uri());
      Http.Reply first = http.post("/discovery", BODY).send();
      assertEquals(503, first.status());
      assertEquals("1", first.header("RateLimit-Remaining"));
      assertEquals(503, http.post("/discovery", BODY).send().status());
      Http.Reply third = http.post("/discovery", BODY).send();
      assertEquals(429, third.status(), "two faulted requests used up a limit of 2");
      assertEquals("Rate limit exceeded", third.error());
    }
  }

  @Test
  void theStatusFaultComesAfterAuthentication() {
    try (StubServer server = start("status:503")) {
      Http.Reply reply =
          new Http(server.uri()).post("/discovery", BODY).bearer("csl_ak_unknown").send();
      assertEquals(401, reply.status());
    }
  }

  @Test
  void resetSendsHalfTheBodyAndDropsTheConnectionWithoutTheLastChunk() {
    String whole = wholeBody();
    try (StubServer server = start("reset")) {
      RawHttp.Exchange reply = RawHttp.send(server.uri(), discovery(""), 5000);
      assertEquals(200, reply.status());
      assertTrue(reply.closedByServer());
      Dechunked body = dechunk(reply.body());
      assertFalse(body.complete(), "no last chunk: " + reply.text());
      assertEquals(whole.substring(0, whole.length() / 2), body.body());
    }
  }

  @Test
  void truncateSendsHalfTheBodyAsIfWholeThenCloses() {
    String whole = wholeBody();
    try (StubServer server = start("truncate,every=2")) {
      assertEquals(whole, unspoiled(RawHttp.send(server.uri(), discovery(""), 5000)));
      RawHttp.Exchange reply = RawHttp.send(server.uri(), discovery(""), 5000);
      Dechunked body = dechunk(reply.body());
      assertTrue(body.complete(), "the last chunk came: " + reply.text());
      assertEquals(whole.substring(0, whole.length() / 2), body.body());
      assertTrue(reply.closedByServer());
    }
  }

  @Test
  void anErrorAnswerIsNotSpoiled() {
    try (StubServer server = start("reset")) {
      Http.Reply reply = new Http(server.uri()).post("/discovery", "{}").send();
      assertEquals(400, reply.status());
      assertEquals("Missing 'services' in request body", reply.error());
    }
  }

  @Test
  void dripSendsTheHeadAtOnceAndTheBodyInPieces() throws Exception {
    String whole = wholeBody();
    try (StubServer server = start("drip:1s");
        Socket socket = new Socket(server.uri().getHost(), server.uri().getPort())) {
      socket.getOutputStream().write(discovery("").getBytes(StandardCharsets.ISO_8859_1));
      InputStream in = socket.getInputStream();
      socket.setSoTimeout(10_000);
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      byte[] buffer = new byte[65536];
      int reads = 0;
      for (int n; (n = in.read(buffer)) >= 0; reads++) {
        got.write(buffer, 0, n);
      }
      String text = got.toString(StandardCharsets.ISO_8859_1);
      assertTrue(text.startsWith("HTTP/1.1 200"), text);
      assertEquals(whole, dechunk(text.substring(text.indexOf("\r\n\r\n") + 4)).body());
      assertTrue(reads >= 10, "the body came in " + reads + " reads, not at once");
    }
  }

  @Test
  void theBodyTimeLimitDoesNotCoverSendingTheAnswer() {
    // The limit is for reading the request's body. An answer over the 128 KiB a drip holds is
    // dripped while it is written, three times as long as the limit, and still arrives whole.
    Inventory rows = Inventory.synthetic(5_000);
    String whole;
    try (StubServer server = StubServer.builder().clock(CLOCK).inventory(rows).build().start()) {
      whole = unspoiled(RawHttp.send(server.uri(), discovery(""), 5000));
    }
    assertTrue(whole.length() > 200_000, "longer than a drip holds: " + whole.length());
    try (StubServer server =
        StubServer.builder()
            .clock(CLOCK)
            .inventory(rows)
            .bodyTimeout(Duration.ofMillis(300))
            .fault("drip:900ms")
            .build()
            .start()) {
      RawHttp.Exchange reply = RawHttp.send(server.uri(), discovery(""), 10_000);
      assertEquals(200, reply.status(), reply.statusLine());
      Dechunked body = dechunk(reply.body());
      assertTrue(body.complete(), "the last chunk came");
      assertTrue(
          body.body().startsWith("{\"results\":[{\"metadata\":{\"service\":\"s3\""),
          body.body().substring(0, 80));
      assertEquals(whole.length(), body.body().length());
      assertEquals(whole, body.body());
    }
  }

  @Test
  void aDelayedRequestHoldsNoWorkerWhileItWaits() throws Exception {
    // One worker thread: if the delay slept on it, the second request could not be answered.
    try (StubServer server =
        StubServer.builder().threads(1).fault("latency:60s,first=1").build().start()) {
      CompletableFuture<RawHttp.Exchange> delayed =
          CompletableFuture.supplyAsync(() -> RawHttp.send(server.uri(), discovery(""), 90_000));
      waitUntilCounted(server);
      RawHttp.Exchange prompt = RawHttp.send(server.uri(), discovery(""), 20_000);
      assertEquals(200, prompt.status());
      assertFalse(delayed.isDone(), "the first request still waits for its 60 s");
      delayed.cancel(true);
    }
  }

  /**
   * Lets the delayed request arrive first, so that it is the one {@code first=1} hits: a pause
   * orders the two requests; nothing is asserted on how long anything took.
   */
  private static void waitUntilCounted(StubServer server) throws InterruptedException {
    TimeUnit.MILLISECONDS.sleep(500);
  }

  @Test
  void latencyDelaysTheAnswerNotItsContent() throws IOException {
    String whole = wholeBody();
    try (StubServer server = start("latency:300ms")) {
      RawHttp.Exchange reply = RawHttp.send(server.uri(), discovery(""), 20_000);
      assertEquals(200, reply.status());
      assertEquals(whole, unspoiled(reply));
    } catch (RuntimeException e) {
      if (e.getCause() instanceof SocketTimeoutException) {
        throw new AssertionError("no answer after the delay", e);
      }
      throw e;
    }
  }
}
