package cloud.lightpane.stub.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.stub.Http;
import cloud.lightpane.stub.KeySpec;
import cloud.lightpane.stub.MintedKey;
import cloud.lightpane.stub.MutableClock;
import cloud.lightpane.stub.StubServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** One line per request, and never a secret in it. */
class RequestLogTest {

  @Test
  void logsOneMaskedLinePerRequest() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream log = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    MintedKey key;
    String cookie;
    try (StubServer server = StubServer.builder().requestLog(log).build().start()) {
      key = server.mintKey(KeySpec.apiKey("logged"));
      cookie = server.sessionCookie();
      Http http = new Http(server.uri());
      http.post("/discovery", ConstraintsTest.BODY).bearer(key.token()).send();
      http.post("/discovery?token=" + key.token(), ConstraintsTest.BODY).send();
      http.post("/discovery", ConstraintsTest.BODY).bearer(key.token() + "x").send();
      http.get("/keys").session(server).send();
    }
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(4, lines.length, String.join("\n", lines));
    String prefix = "csl_ak_..." + key.token().substring(46);
    assertTrue(
        lines[0].matches(
            ".* 127\\.0\\.0\\.1 POST /discovery 200 \\d+ms key:" + prefix.replace(".", "\\.")),
        lines[0]);
    assertTrue(lines[1].endsWith("anonymous"), lines[1]);
    assertTrue(lines[2].contains(" 401 ") && lines[2].endsWith("bearer:rejected"), lines[2]);
    assertTrue(lines[3].contains("GET /keys 200") && lines[3].endsWith("session"), lines[3]);
    String all = String.join("\n", lines);
    assertFalse(all.contains(key.token().substring(7)), "no raw token");
    assertFalse(all.contains(cookie), "no cookie");
  }

  /** A fixed clock that throws once, at its n-th reading after {@link #failAtReading}. */
  @Test
  void aFailureInsideTheServerAnswers500AndLogsItsType() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream log = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    MutableClock clock = new MutableClock(Instant.parse("2026-03-28T14:30:00Z"));
    try (StubServer server = StubServer.builder().clock(clock).requestLog(log).build().start()) {
      Http http = new Http(server.uri());
      // The handler reads the clock when the request arrives, then again to authenticate it:
      // the second reading throws, before any answer has started.
      clock.failAtReading(2);
      Http.Reply broken = http.post("/discovery", ConstraintsTest.BODY).send();
      assertEquals(500, broken.status(), broken.toString());
      assertEquals("Internal server error", broken.error());
      Http.Reply next = http.post("/discovery", ConstraintsTest.BODY).send();
      assertEquals(200, next.status(), "the server goes on: " + next);
    }
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(2, lines.length, String.join("\n", lines));
    assertTrue(lines[0].contains(" POST /discovery 500 "), lines[0]);
    assertTrue(lines[0].endsWith(" (internal error: java.lang.IllegalStateException)"), lines[0]);
    assertFalse(lines[0].contains("the clock broke"), "no exception message in the log");
  }
}
