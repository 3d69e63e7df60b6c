package cloud.lightpane.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.client.LightPaneClient;
import cloud.lightpane.client.auth.Credentials;
import cloud.lightpane.client.discovery.DiscoveryRequest;
import cloud.lightpane.client.discovery.Row;
import cloud.lightpane.client.discovery.ServiceQuery;
import cloud.lightpane.stub.StubServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the shell and CI examples as a user runs them: bash, the real {@code ./lightpane} launcher,
 * and awk (no jq: the examples use --where, --sort-by and --jq), against a reference server; and
 * compares what they print with what the client reads from the same server.
 */
class ShellExamplesIT {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static StubServer server;
  private static LightPaneClient client;

  @BeforeAll
  static void start() {
    server = StubServer.builder().build().start();
    client =
        LightPaneClient.builder()
            .baseUrl(server.uri())
            .credentials(Credentials.anonymous())
            .build();
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  record Run(int status, String stdout, String stderr) {}

  private static Run run(Map<String, String> env, String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
    builder.environment().put("LIGHTPANE", ROOT.resolve("lightpane").toString());
    builder.environment().put("LIGHTPANE_BASE_URL", server.uri().toString());
    builder.environment().remove("LIGHTPANE_FLAGS");
    builder.environment().remove("LIGHTPANE_API_KEY");
    builder.environment().remove("LIGHTPANE_SESSION");
    builder.environment().putAll(env);
    Path out = Files.createTempFile("example", ".out");
    Path err = Files.createTempFile("example", ".err");
    try {
      Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish in 120 s");
      }
      return new Run(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static List<Row> rows(String service, String region) {
    return client
        .discover(
            DiscoveryRequest.of(
                ServiceQuery.builder(service).provider("aws").region(region).build()))
        .results()
        .get(0)
        .rows();
  }

  @Test
  void largestLambdasPrintsTheFiveBiggestInOrder() throws Exception {
    Run run = run(Map.of(), "bash", "examples/shell/largest-lambdas.sh", "eu-west-2");
    assertEquals(0, run.status(), run.stderr());

    List<Row> functions = new ArrayList<>(rows("lambda_functions", "eu-west-2"));
    functions.sort(
        Comparator.comparing((Row r) -> r.getLong("memory_size"))
            .reversed()
            .thenComparing(r -> r.getString("function_name")));
    List<String> expected =
        functions.stream().limit(5).map(r -> r.getString("function_name")).toList();
    List<String> printed = run.stdout().lines().map(l -> l.split("\\s+")[0]).toList();
    assertEquals(expected, printed, run.stdout());
  }

  @Test
  void runningInstancesListsEveryRunningInstanceOfEachRegion() throws Exception {
    Run run =
        run(Map.of(), "bash", "examples/shell/running-instances.sh", "eu-west-2", "us-east-1");
    assertEquals(0, run.status(), run.stderr());

    List<String> expected = new ArrayList<>();
    for (String region : List.of("eu-west-2", "us-east-1")) {
      for (Row row : rows("ec2", region)) {
        if ("running".equals(row.getString("state"))) {
          expected.add(
              region
                  + "\t"
                  + row.getString("name")
                  + "\t"
                  + row.getString("instance_id")
                  + "\t"
                  + row.getString("instance_type"));
        }
      }
    }
    assertFalse(expected.isEmpty(), "the demo inventory should have running instances");
    assertEquals(expected, run.stdout().lines().toList());
  }

  @Test
  void theCiGateFailsOnUnversionedBucketsAndNamesThem() throws Exception {
    Run run = run(Map.of(), "bash", "examples/ci/check-s3-versioning.sh", "eu-west-2");
    List<String> unversioned =
        rows("s3", "eu-west-2").stream()
            .filter(r -> !"Enabled".equals(r.getString("versioning_status")))
            .map(r -> r.getString("bucket_name"))
            .toList();
    assertFalse(unversioned.isEmpty(), "the demo inventory should have an unversioned bucket");
    assertEquals(1, run.status(), run.stderr());
    for (String bucket : unversioned) {
      assertTrue(run.stderr().contains("eu-west-2\t" + bucket), run.stderr());
    }
    assertEquals("", run.stdout());
  }

  @Test
  void theCiGatePassesOnTheExitCodeOfAnOutage() throws Exception {
    // A well-formed key the server does not know: lightpane exits 4 (authentication), and the
    // gate must report that code, not a finding.
    String unknownKey = "csl_ak_" + "A".repeat(43);
    Run run =
        run(
            Map.of("LIGHTPANE_API_KEY", unknownKey),
            "bash",
            "examples/ci/check-s3-versioning.sh",
            "eu-west-2");
    assertEquals(4, run.status(), run.stderr());
    assertTrue(run.stderr().contains("exit code 4"), run.stderr());
    assertFalse(run.stderr().contains(unknownKey), "the token leaked into stderr");
  }
}
