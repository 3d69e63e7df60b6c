package cloud.lightpane.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.stub.StubServer;
import cloud.lightpane.stub.inventory.Inventory;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./lightpane} launcher as a process, as the README tells people to run it. Runs in
 * the integration-test phase, after {@code package}, so the jar is fresh and the launcher does not
 * start a build of its own.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherIT {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @TempDir Path config;

  @Test
  void theQuickStartPrintsTablesOfDemoData() throws Exception {
    Run run = run("./lightpane", "discover", "s3", "ec2", "--region", "eu-west-2", "--embedded");
    assertEquals(0, run.exit, run.toString());
    assertTrue(run.out.startsWith("S3 Buckets (s3) · aws · eu-west-2 · "), run.toString());
    assertTrue(run.out.contains("EC2 Instances (ec2) · aws · eu-west-2 · "), run.toString());
    assertEquals("", run.err, "nothing on stderr: no build, no warning");
  }

  @Test
  void versionAndUsageErrorsKeepTheirExitCodes() throws Exception {
    Run version = run("./lightpane", "--version");
    assertEquals(0, version.exit, version.toString());
    assertTrue(version.out.startsWith("lightpane "), version.out);

    Run usage = run("./lightpane", "discover", "--no-such-option");
    assertEquals(2, usage.exit, usage.toString());
    assertTrue(usage.err.startsWith("lightpane: Unknown option"), usage.err);
    assertEquals("", usage.out);
  }

  @Test
  void aReaderThatStopsEarlyEndsTheCommandQuietly() throws Exception {
    Run run =
        run(
            "bash",
            "-c",
            "set -o pipefail; ./lightpane discover ec2 s3 lambda_functions -r eu-west-2,us-east-1"
                + " --embedded -o csv | head -1");
    assertEquals(0, run.exit, run.toString());
    assertEquals("_service,_provider,_region,name,instance_id", run.out.substring(0, 43));
    assertEquals("", run.err);
  }

  /**
   * A million rows as a table and as Markdown, through the launcher and so within its heap: every
   * row printed, exit 0 (the table once held a whole result to size its columns, and ran out of
   * memory). awk prints the first line and counts the lines, so the output is not stored.
   */
  @Test
  void aMillionRowTableAndMarkdownPrintEveryRowInTheLaunchersHeap() throws Exception {
    try (StubServer server =
        StubServer.builder().inventory(Inventory.synthetic(1_000_000)).build().start()) {
      String discover =
          "set -o pipefail; ./lightpane discover ec2 -r eu-west-2 --base-url " + server.uri();
      String firstAndCount = " | awk 'NR == 1 { print } END { print NR }'";

      Run table = run("bash", "-c", discover + firstAndCount);
      assertEquals(0, table.exit, table.toString());
      assertEquals("", table.err);
      // heading, blank line, labels, then every row
      String[] lines = table.out.split("\n");
      assertEquals(2, lines.length, table.out);
      // the heading ends with the server's timestamp
      assertTrue(
          lines[0].startsWith("EC2 Instances (ec2) · aws · eu-west-2 · more than 1000 rows · "),
          lines[0]);
      assertEquals("1000003", lines[1]);

      Run markdown = run("bash", "-c", discover + " -o markdown" + firstAndCount);
      assertEquals(0, markdown.exit, markdown.toString());
      assertEquals("", markdown.err);
      // heading, blank line, header, separator, then every row
      assertEquals("### EC2 Instances (ec2) · aws · eu-west-2\n1000004\n", markdown.out);
    }
  }

  /**
   * HTTPS_PROXY with a user and password, through the real launcher: the proxy's 407 to the {@code
   * CONNECT} is answered with Basic credentials (the JDK's own header name is {@code
   * Proxy-authorization}, any case being the same header), the tunnel reaches the server and the
   * command prints its rows; the password shows nowhere, also with -v.
   */
  @Test
  void httpsProxyCredentialsAnswerTheTunnelsChallengeAndTheCommandRuns() throws Exception {
    Path keyStore = config.resolve("tunnel.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "api",
                "-keyalg",
                "EC",
                "-dname",
                "CN=api.example.test",
                "-ext",
                "SAN=dns:api.example.test",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                "tunnel-store")
            .redirectErrorStream(true)
            .start();
    String keytoolOutput = new String(keytool.getInputStream().readAllBytes(), UTF_8);
    assertEquals(0, keytool.waitFor(), keytoolOutput);
    try (StubServer server = StubServer.builder().build().start();
        TunnelProxy proxy =
            new TunnelProxy(
                "ci-bot",
                "p@ss-w0rd",
                keyStore,
                "tunnel-store".toCharArray(),
                server.uri().getPort())) {
      String basic = Base64.getEncoder().encodeToString("ci-bot:p@ss-w0rd".getBytes(UTF_8));
      for (String verbose : new String[] {"", "-v"}) {
        proxy.heads().clear();
        List<String> command =
            new ArrayList<>(
                List.of(
                    "env",
                    "HTTPS_PROXY=http://ci-bot:p%40ss-w0rd@127.0.0.1:" + proxy.port(),
                    "LIGHTPANE_JAVA_OPTS=-Djavax.net.ssl.trustStore="
                        + keyStore
                        + " -Djavax.net.ssl.trustStorePassword=tunnel-store",
                    "./lightpane",
                    "discover",
                    "s3",
                    "-r",
                    "eu-west-2",
                    "--retries",
                    "0",
                    "-o",
                    "csv",
                    "--base-url",
                    "https://api.example.test"));
        if (!verbose.isEmpty()) {
          command.add("-v");
        }
        Run run = run(command.toArray(new String[0]));
        assertEquals(0, run.exit, verbose + ": " + run);
        assertTrue(
            run.out.startsWith("bucket_name,creation_date,region,versioning_status,"), run.out);
        // the reference server's first S3 bucket, through the tunnel
        assertTrue(
            run.out.contains("\r\nkestrel-assets-prod-eu-west-2,2024-07-14T00:32:06Z,"), run.out);
        assertEquals(2, proxy.heads().size(), "a challenge, then the answer: " + proxy.heads());
        assertTrue(proxy.heads().get(0).startsWith("CONNECT api.example.test:443 "));
        assertFalse(proxy.authorized(proxy.heads().get(0)), "nothing sent before the challenge");
        assertTrue(proxy.authorized(proxy.heads().get(1)), proxy.heads().toString());
        assertFalse(run.toString().contains("w0rd"), "the password is never shown: " + run);
        assertFalse(run.toString().contains(basic), "nor its Basic form: " + run);
      }
    }
  }

  private Run run(String... command) throws IOException, InterruptedException {
    File out = Files.createTempFile(config, "out", ".txt").toFile();
    File err = Files.createTempFile(config, "err", ".txt").toFile();
    ProcessBuilder builder =
        new ProcessBuilder(List.of(command))
            .directory(ROOT.toFile())
            .redirectOutput(out)
            .redirectError(err)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().put("LIGHTPANE_CONFIG_DIR", config.toString());
    List<String> cleared = new ArrayList<>();
    for (String name : builder.environment().keySet()) {
      if (name.startsWith("LIGHTPANE_") && !name.equals("LIGHTPANE_CONFIG_DIR")) {
        cleared.add(name);
      }
    }
    cleared.forEach(builder.environment()::remove);
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError(
          "the launcher did not finish in 120 s: " + String.join(" ", command));
    }
    return new Run(
        process.exitValue(),
        Files.readString(out.toPath(), StandardCharsets.UTF_8),
        Files.readString(err.toPath(), StandardCharsets.UTF_8));
  }

  private record Run(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }
}
