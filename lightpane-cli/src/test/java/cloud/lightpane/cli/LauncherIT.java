package cloud.lightpane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.stub.StubServer;
import cloud.lightpane.stub.inventory.Inventory;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
