package cloud.lightpane.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.client.auth.Credentials;
import cloud.lightpane.stub.StubServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every Java example against a reference server, as a user would run it, and reads what it
 * prints.
 */
class ExamplesTest {

  private static String capture(java.util.function.Consumer<PrintStream> body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      body.accept(out);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static StubServer server() {
    return StubServer.builder().build().start();
  }

  @Test
  void discoverAndPrintShowsBothServicesWithTheirRows() {
    try (StubServer server = server()) {
      int[] rows = new int[1];
      String out =
          capture(o -> rows[0] = DiscoverAndPrint.run(server.uri(), Credentials.anonymous(), o));
      // The demo's eu-west-2: 5 buckets and 12 instances (docs/cli.md shows the 12).
      assertEquals(17, rows[0], out);
      assertTrue(out.startsWith("S3 Buckets (aws eu-west-2): 5\n  bucket_name="), out);
      assertTrue(out.contains("\nEC2 Instances (aws eu-west-2): 12\n  name=prod-"), out);
      assertEquals(17, out.lines().filter(l -> l.startsWith("  ")).count(), out);
    }
  }

  @Test
  void streamToCsvFileWritesAHeaderAndEveryRow(@TempDir Path dir) throws Exception {
    try (StubServer server = server()) {
      Path csv = dir.resolve("ec2.csv");
      long rows = StreamToCsvFile.run(server.uri(), Credentials.anonymous(), csv);
      List<String> lines = Files.readAllLines(csv);
      // The demo's us-east-1: 4 instances, 3 of prod and 1 of staging.
      assertEquals(4, rows);
      assertEquals(5, lines.size(), lines.toString());
      assertEquals(
          "name,instance_id,instance_type,state,private_ip,public_ip,availability_zone,vpc_id,"
              + "platform,launch_time",
          lines.get(0));
      assertTrue(lines.get(1).startsWith("prod-web-1,i-"), lines.get(1));
    }
  }

  @Test
  void asyncAcrossRegionsCountsEveryRegion() {
    try (StubServer server = server()) {
      Map<String, Long> counts =
          AsyncAcrossRegions.run(
              server.uri(), Credentials.anonymous(), List.of("us-east-1", "eu-west-2"));
      assertEquals(List.of("eu-west-2", "us-east-1"), List.copyOf(counts.keySet()));
      // The demo's Lambda functions: 4 + 2 in eu-west-2, 2 + 2 in us-east-1.
      assertEquals(6L, counts.get("eu-west-2"));
      assertEquals(4L, counts.get("us-east-1"));
    }
  }

  @Test
  void mapRowsToRecordsFillsEveryComponent() {
    try (StubServer server = server()) {
      List<MapRowsToRecords.LambdaFunction> functions =
          MapRowsToRecords.run(server.uri(), Credentials.anonymous());
      assertEquals(
          List.of(
              "prod-image-resizer python3.12 1024",
              "prod-invoice-generator java21 2048",
              "prod-slack-notifier nodejs20.x 128",
              "prod-nightly-report python3.12 512",
              "staging-image-resizer python3.12 1024",
              "staging-invoice-generator java21 2048"),
          functions.stream()
              .map(f -> f.function_name() + " " + f.runtime() + " " + f.memory_size())
              .toList());
      for (MapRowsToRecords.LambdaFunction f : functions) {
        assertFalse(f.function_name() == null || f.function_name().isBlank(), f.toString());
        assertFalse(f.runtime() == null, f.toString());
        assertTrue(f.memory_size() != null && f.memory_size() >= 128, f.toString());
      }
    }
  }

  @Test
  void keyLifecycleCreatesUsesAndRevokesWithoutPrintingTheToken() {
    try (StubServer server = server()) {
      boolean[] held = new boolean[1];
      String out =
          capture(o -> held[0] = KeyLifecycle.run(server.uri(), server.sessionCookie(), o));
      assertTrue(held[0], out);
      assertTrue(out.contains("the revoked key is refused: Token revoked"), out);
      assertTrue(out.contains("csl_ak_..."), out);
      assertFalse(
          out.matches("(?s).*csl_ak_[A-Za-z0-9_-]{43}.*"), "a raw token was printed:\n" + out);
    }
  }

  @Test
  void handleRateLimitsReportsTheWaitInsteadOfFailing() {
    try (StubServer server = StubServer.builder().defaultRateLimit(2).build().start()) {
      String[] out = new String[1];
      int[] limited = new int[1];
      out[0] =
          capture(
              o -> limited[0] = HandleRateLimits.run(server.uri(), Credentials.anonymous(), 4, o));
      assertEquals(2, limited[0], out[0]);
      assertTrue(out[0].contains("request 3: rate limited, the server asks to wait"), out[0]);
    }
  }
}
