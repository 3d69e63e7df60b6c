package cloud.lightpane.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./lightpane shell --embedded} in a pseudo-terminal, driven as a person drives it:
 * tmux types keys and the test reads the screen. Runs after {@code package} (failsafe), so the
 * launcher finds its jar fresh and builds nothing. Skipped where tmux is not installed.
 */
@DisabledOnOs(OS.WINDOWS)
class ShellIT {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Duration START = Duration.ofSeconds(90);
  private static final Duration STEP = Duration.ofSeconds(30);

  @TempDir Path home;

  /** A tmux server of this test's own, so no user session is touched. */
  private final String socket =
      "lightpane-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

  @BeforeEach
  void needsTmux() throws Exception {
    assumeTrue(succeeds("tmux", "-V"), "tmux is not installed");
  }

  @AfterEach
  void killTmux() throws Exception {
    succeeds("tmux", "-L", socket, "kill-server");
  }

  @Test
  void completesRunsCancelsAndLeavesLikeAShell() throws Exception {
    Path exit = home.resolve("exit-status");
    Path state = home.resolve("state");
    tmux(
        "new-session",
        "-d",
        "-x",
        "160",
        "-y",
        "50",
        "-s",
        "it",
        "-c",
        ROOT.toString(),
        "./lightpane shell --embedded; echo $? > '" + exit + "'");
    String prompt = "lightpane [default @ 127.0.0.1:";
    waitFor("the prompt", START, screen -> screen.contains(prompt));

    // An ambiguous service id: Tab lists the ids that fit.
    type("discover ec");
    keys("Tab");
    String listed =
        waitFor(
            "the service ids",
            STEP,
            s -> s.contains("ecr_repositories") && s.contains("ecs_clusters"));
    assertTrue(listed.contains("ec2"), listed);
    assertFalse(listed.contains("gcp_compute_instances"), listed);

    // A unique one: Tab completes it on the line.
    keys("C-u");
    type("discover lambda_fu");
    keys("Tab");
    waitFor("the completed id", STEP, s -> s.contains("> discover lambda_functions"));

    // Regions of the provider after -r.
    keys("C-u");
    type("discover s3 -r eu-west-");
    keys("Tab");
    String regions =
        waitFor("the regions", STEP, s -> s.contains("eu-west-1") && s.contains("eu-west-3"));
    assertFalse(regions.contains("europe-west2"), "only AWS regions for s3: " + regions);

    // A discovery: its table, then the prompt again.
    keys("C-u");
    type("discover s3 -r eu-west-2");
    keys("Enter");
    String table =
        waitFor(
            "the S3 table",
            STEP,
            s -> s.contains("kestrel-assets-prod-eu-west-2") && lastLine(s).startsWith(prompt));
    assertTrue(table.contains("S3 Buckets (s3)"), table);
    assertTrue(table.contains("Bucket Name"), table);

    // An error is one line, and the shell goes on.
    type("discover s3 -r eu-west-9");
    keys("Enter");
    waitFor("the error", STEP, s -> s.contains("lightpane: Invalid region"));

    // Ctrl-C cancels a running command and stays in the shell.
    type("serve --port 0");
    keys("Enter");
    waitFor("the server", STEP, s -> s.contains("until Ctrl-C"));
    keys("C-c");
    waitFor("the cancel notice", STEP, s -> s.contains("lightpane: cancelled"));
    type("keys list");
    keys("Enter");
    waitFor(
        "keys list after the cancel", STEP, s -> s.contains("(no keys)") || s.contains("GRANT"));

    // Ctrl-D leaves: the process ends with status 0.
    keys("C-d");
    String status = waitForFile(exit, STEP);
    assertEquals("0", status.strip(), "exit status of the shell");
    waitFor(STEP, () -> !succeeds("tmux", "-L", socket, "has-session", "-t", "it"));

    // History kept for the next session, owner-only.
    Path history = state.resolve("lightpane/history");
    assertTrue(Files.readString(history).contains("discover s3 -r eu-west-2"));
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(history)));
  }

  /** The last line with text on it: the prompt, once a command is done. */
  private static String lastLine(String screen) {
    List<String> lines = screen.strip().lines().toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  private void type(String text) throws Exception {
    tmux("send-keys", "-t", "it", "-l", text);
  }

  private void keys(String... keys) throws Exception {
    List<String> command = new ArrayList<>(List.of("send-keys", "-t", "it"));
    command.addAll(List.of(keys));
    tmux(command.toArray(new String[0]));
  }

  private String screen() throws Exception {
    return output("tmux", "-L", socket, "capture-pane", "-p", "-J", "-t", "it");
  }

  /** Polls the screen every 100 ms until {@code ready} holds; fails with the screen otherwise. */
  private String waitFor(String what, Duration limit, Predicate<String> ready) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    String screen = "";
    while (System.nanoTime() < deadline) {
      screen = screen();
      if (ready.test(screen)) {
        return screen;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("No " + what + " within " + limit + "; the screen:\n" + screen);
  }

  private static void waitFor(Duration limit, Check check) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (check.holds()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("Condition not met within " + limit);
  }

  private static String waitForFile(Path file, Duration limit) throws Exception {
    waitFor(limit, () -> Files.isRegularFile(file) && Files.size(file) > 0);
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private interface Check {
    boolean holds() throws Exception;
  }

  private void tmux(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
    command.addAll(List.of(args));
    assertTrue(succeeds(command.toArray(new String[0])), "tmux " + String.join(" ", args));
  }

  private boolean succeeds(String... command) throws IOException, InterruptedException {
    Process process = start(command);
    process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
  }

  private String output(String... command) throws IOException, InterruptedException {
    Process process = start(command);
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), String.join(" ", command));
    return out;
  }

  /** Runs a command in an environment of the test's own (the tmux server inherits it). */
  private Process start(String... command) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder
        .environment()
        .keySet()
        .removeIf(name -> name.startsWith("LIGHTPANE_") || name.equals("TMUX"));
    builder.environment().put("LIGHTPANE_CONFIG_DIR", home.resolve("config").toString());
    builder.environment().put("XDG_STATE_HOME", home.resolve("state").toString());
    builder.environment().put("LANG", "C.UTF-8");
    return builder.start();
  }
}
