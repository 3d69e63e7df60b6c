package cloud.lightpane.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.cli.terminal.RequiredTool;
import cloud.lightpane.cli.terminal.Tmux;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./lightpane shell --embedded} in a pseudo-terminal, driven as a person drives it:
 * tmux types keys and the test reads the screen. Runs after {@code package} (failsafe), so the
 * launcher finds its jar fresh and builds nothing. Skipped where tmux is not installed, failed then
 * under CI.
 */
@DisabledOnOs(OS.WINDOWS)
class ShellIT {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  // Generous: the launcher's first run after a build also makes its class-data archive.
  private static final Duration START = Duration.ofSeconds(90);
  private static final Duration STEP = Duration.ofSeconds(30);

  @TempDir Path home;

  @Test
  void completesRunsCancelsAndLeavesLikeAShell() throws Exception {
    RequiredTool.find("tmux", "tmux");
    Path exit = home.resolve("exit-status");
    Path state = home.resolve("state");
    try (Tmux terminal =
        new Tmux()
            .env("LIGHTPANE_CONFIG_DIR", home.resolve("config").toString())
            .env("XDG_STATE_HOME", state.toString())) {
      terminal.start(ROOT, "./lightpane shell --embedded; echo $? > '" + exit + "'");
      String prompt = "lightpane [default @ 127.0.0.1:";
      terminal.waitFor("the prompt", START, screen -> screen.contains(prompt));

      // An ambiguous service id: Tab lists the ids that fit.
      terminal.type("discover ec");
      terminal.press("Tab");
      String listed =
          terminal.waitFor(
              "the service ids",
              STEP,
              s -> s.contains("ecr_repositories") && s.contains("ecs_clusters"));
      assertTrue(listed.contains("ec2"), listed);
      assertFalse(listed.contains("gcp_compute_instances"), listed);

      // A unique one: Tab completes it on the line.
      terminal.press("C-u");
      terminal.type("discover lambda_fu");
      terminal.press("Tab");
      terminal.waitFor("the completed id", STEP, s -> s.contains("> discover lambda_functions"));

      // The provider's regions after -r.
      terminal.press("C-u");
      terminal.type("discover s3 -r eu-west-");
      terminal.press("Tab");
      String regions =
          terminal.waitFor(
              "the regions", STEP, s -> s.contains("eu-west-1") && s.contains("eu-west-3"));
      assertFalse(regions.contains("europe-west2"), "only AWS regions for s3: " + regions);

      // A discovery: its table, then the prompt again.
      terminal.press("C-u");
      terminal.type("discover s3 -r eu-west-2");
      terminal.press("Enter");
      String table =
          terminal.waitFor(
              "the S3 table",
              STEP,
              s ->
                  s.contains("kestrel-assets-prod-eu-west-2")
                      && Tmux.lastLine(s).startsWith(prompt));
      assertTrue(table.contains("S3 Buckets (s3)"), table);
      assertTrue(table.contains("Bucket Name"), table);

      // An error is one line, and the shell goes on.
      terminal.type("discover s3 -r eu-west-9");
      terminal.press("Enter");
      terminal.waitFor("the error", STEP, s -> s.contains("lightpane: Invalid region"));

      // Ctrl-C cancels a running command and stays in the shell.
      terminal.type("serve --port 0");
      terminal.press("Enter");
      terminal.waitFor("the server", STEP, s -> s.contains("until Ctrl-C"));
      terminal.press("C-c");
      terminal.waitFor("the cancel notice", STEP, s -> s.contains("lightpane: cancelled"));
      terminal.type("keys list");
      terminal.press("Enter");
      terminal.waitFor("keys list after the cancel", STEP, s -> s.contains("(no keys)"));

      // Ctrl-D leaves: the process ends with status 0.
      terminal.press("C-d");
      waitUntil(STEP, () -> Files.isRegularFile(exit) && Files.size(exit) > 0);
      assertEquals("0", Files.readString(exit, StandardCharsets.UTF_8).strip(), "exit status");
      waitUntil(STEP, () -> !terminal.running());
    }

    // History kept for the next session, owner-only.
    Path history = state.resolve("lightpane/history");
    assertTrue(Files.readString(history).contains("discover s3 -r eu-west-2"));
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(history)));
  }

  @Test
  void linesFromAScriptPrintDataOnlyAndLeaveNoHistory() throws Exception {
    Path commands = home.resolve("commands.txt");
    Files.writeString(
        commands,
        "discover s3 -r eu-west-2 -o csv -a bucket_name\ndiscover nope -r x\nkeys list\n");
    Path out = home.resolve("out.txt");
    Path err = home.resolve("err.txt");
    ProcessBuilder builder =
        new ProcessBuilder("./lightpane", "shell", "--embedded")
            .directory(ROOT.toFile())
            .redirectInput(commands.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("LIGHTPANE_"));
    builder.environment().put("LIGHTPANE_CONFIG_DIR", home.resolve("config").toString());
    builder.environment().put("XDG_STATE_HOME", home.resolve("state").toString());
    Process shell = builder.start();
    assertTrue(shell.waitFor(START.toSeconds(), java.util.concurrent.TimeUnit.SECONDS), "ended");
    assertEquals(0, shell.exitValue());
    String data = Files.readString(out, StandardCharsets.UTF_8);
    assertTrue(data.startsWith("bucket_name\r\nkestrel-assets-prod-eu-west-2\r\n"), data);
    assertTrue(data.endsWith("(no keys)\n"), "the shell went on after the error: " + data);
    assertFalse(data.contains("lightpane ["), "no prompt among the data: " + data);
    assertTrue(Files.readString(err).contains("lightpane: "), "the error on stderr");
    assertFalse(Files.exists(home.resolve("state/lightpane/history")), "no history");
  }

  private interface Check {
    boolean holds() throws Exception;
  }

  /** Checks every 100 ms until {@code check} holds, failing after {@code limit}. */
  private static void waitUntil(Duration limit, Check check) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (check.holds()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("Not within " + limit);
  }
}
