package cloud.lightpane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.stub.StubServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each fault kind of the reference server, as the real CLI meets it: the retries, timeouts and exit
 * codes docs/cli.md documents.
 */
class FaultsSeenByTheCliTest {
  @TempDir Path config;

  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  private StubServer start(String... faults) {
    StubServer.Builder builder =
        StubServer.builder().requestLog(new PrintStream(log, true, StandardCharsets.UTF_8));
    for (String fault : faults) {
      builder.fault(fault);
    }
    return builder.build().start();
  }

  /**
   * Discoveries in the server's log, once it has been quiet for a quarter second: the server logs a
   * request after answering it, so the CLI may have exited before the last line is written.
   */
  private long discoveries() {
    String seen = log.toString(StandardCharsets.UTF_8);
    for (int i = 0; i < 40; i++) {
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      String now = log.toString(StandardCharsets.UTF_8);
      if (now.equals(seen)) {
        break;
      }
      seen = now;
    }
    return seen.lines().filter(l -> l.contains(" POST /discovery ")).count();
  }

  private Cli.Result discover(StubServer server, String... more) {
    String[] args = new String[5 + more.length];
    System.arraycopy(new String[] {"discover", "s3", "-r", "eu-west-2", "-o"}, 0, args, 0, 5);
    System.arraycopy(more, 0, args, 5, more.length);
    return Cli.in(config).env("LIGHTPANE_BASE_URL", server.uri().toString()).run(args);
  }

  private String clean() {
    try (StubServer server = start()) {
      return discover(server, "jsonl").out();
    }
  }

  @Test
  void one503IsRetriedAndTheOutputIsTheUsualOne() {
    String usual = clean();
    log.reset();
    try (StubServer server = start("status:503,first=1")) {
      Cli.Result result = discover(server, "jsonl");
      assertEquals(0, result.exit(), result.toString());
      assertEquals(usual, result.out());
      assertEquals("", result.err());
      assertEquals(2, discoveries(), "one 503, then the answer");
    }
  }

  @Test
  void a503ThatNeverEndsExits6AfterTheRetries() {
    try (StubServer server = start("status:503")) {
      Cli.Result result = discover(server, "jsonl");
      assertEquals(6, result.exit(), result.toString());
      assertEquals(
          "lightpane: Injected fault: HTTP 503 (HTTP 503). The server failed: try again later."
              + " Gave up after 3 attempts\n",
          result.err());
      assertEquals("", result.out());
      assertEquals(3, discoveries(), "--retries defaults to 2");
    }
  }

  @Test
  void a429WithRetryAfterIsWaitedForThenExits5() {
    try (StubServer server = start("status:429,retry-after=1")) {
      Cli.Result result = discover(server, "jsonl", "--retries", "1");
      assertEquals(5, result.exit(), result.toString());
      assertEquals(
          "lightpane: Rate limit exceeded (HTTP 429). Retry after 1 s. Gave up after 2 attempts\n",
          result.err());
      assertEquals(2, discoveries());
    }
  }

  @Test
  void latencyLongerThanTheTimeoutExits7() {
    try (StubServer server = start("latency:5s")) {
      Cli.Result result = discover(server, "jsonl", "--timeout", "300ms", "--retries", "1");
      assertEquals(7, result.exit(), result.toString());
      assertTrue(
          result
              .err()
              .startsWith("lightpane: Timed out waiting for the response to POST /discovery"),
          result.err());
      assertTrue(
          result.err().endsWith("Gave up after 2 attempts (a longer --timeout may help)\n"),
          result.err());
      assertEquals("", result.out());
    }
  }

  @Test
  void latencyWithinTheTimeoutIsOnlySlow() {
    String usual = clean();
    try (StubServer server = start("latency:200ms")) {
      Cli.Result result = discover(server, "jsonl", "--timeout", "10s");
      assertEquals(0, result.exit(), result.toString());
      assertEquals(usual, result.out());
    }
  }

  @Test
  void aResetMidBodyExits7WithTheRowsReadSoFar() {
    String usual = clean();
    log.reset();
    try (StubServer server = start("reset")) {
      Cli.Result result = discover(server, "jsonl");
      assertEquals(7, result.exit(), result.toString());
      assertTrue(
          result
              .err()
              .startsWith(
                  "lightpane: The connection to "
                      + server.uri()
                      + " broke during"
                      + " POST /discovery: "),
          result.err());
      assertEquals(usual.lines().findFirst().orElseThrow() + "\n", result.out(), "streamed rows");
      assertEquals(1, discoveries(), "rows were printed: the CLI cannot take them back to retry");
    }
  }

  @Test
  void aTruncatedBodyExits6AsAnInvalidResponse() {
    try (StubServer server = start("truncate")) {
      Cli.Result result = discover(server, "csv");
      assertEquals(6, result.exit(), result.toString());
      assertEquals(
          "lightpane: The server's answer is not a valid response: The response to POST"
              + " /discovery from "
              + server.uri()
              + " ended before its JSON was complete at byte 865 (the response was cut off). Try"
              + " again; if it persists, check the base URL and any proxy in between.\n",
          result.err());
      assertEquals(1, discoveries(), "an invalid response is never retried");
    }
  }

  @Test
  void aDrippingBodyIsStoppedByMaxTimeWithExit7() {
    try (StubServer server = start("drip:20s")) {
      Cli.Result result = discover(server, "jsonl", "--max-time", "1s", "--timeout", "10s");
      assertEquals(7, result.exit(), result.toString());
      assertEquals(
          "lightpane: POST /discovery gave up after 1 s, its deadline. Try again, or allow a longer"
              + " deadline (--max-time)\n",
          result.err());
    }
  }

  @Test
  void aDrippingBodyWithinMaxTimeArrivesWhole() {
    String usual = clean();
    try (StubServer server = start("drip:600ms")) {
      Cli.Result result = discover(server, "jsonl", "--timeout", "10s");
      assertEquals(0, result.exit(), result.toString());
      assertEquals(usual, result.out(), "the idle --timeout never fires while bytes keep coming");
    }
  }

  @Test
  void aBadFaultSpecIsAUsageErrorNamingThePartAndTheGrammar() {
    Cli.Result result = Cli.in(config).run("serve", "--port", "0", "--fault", "status:503,evry=2");
    assertEquals(2, result.exit(), result.toString());
    assertEquals(
        "lightpane: --fault: bad fault 'status:503,evry=2': 'evry=2': unknown option 'evry';"
            + " expected KIND[:VALUE][,first=N|,every=N|,rate=P][,retry-after=S]"
            + "[,on=discovery|keys|all] with KIND status:CODE, latency:DURATION, reset, truncate"
            + " or drip:DURATION (e.g. status:503,first=2 or latency:200ms,rate=0.5)\n",
        result.err());
    assertEquals("", result.out());
  }
}
