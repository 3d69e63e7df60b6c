package cloud.lightpane.cli.terminal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A pseudo-terminal a test drives as a person would: tmux types keys and the test reads the screen.
 * Each instance runs its own tmux server on a private socket (never a user's session), in an
 * environment without the caller's {@code LIGHTPANE_*} variables; {@link #close()} kills it.
 */
public final class Tmux implements AutoCloseable {
  private static final String SESSION = "it";

  private final String socket =
      "lightpane-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
  private final Map<String, String> env = new HashMap<>();

  /** Sets a variable of the terminal's environment; call before {@link #start}. */
  public Tmux env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** Starts {@code command} (run by sh) in a 160x50 terminal in {@code directory}. */
  public Tmux start(Path directory, String command) throws Exception {
    tmux(
        "new-session",
        "-d",
        "-x",
        "160",
        "-y",
        "50",
        "-s",
        SESSION,
        "-c",
        directory.toString(),
        command);
    return this;
  }

  /** Types {@code text} literally. */
  public void type(String text) throws Exception {
    tmux("send-keys", "-t", SESSION, "-l", text);
  }

  /** Presses keys by tmux name: {@code Tab}, {@code Enter}, {@code C-c}, {@code C-d}... */
  public void press(String... keys) throws Exception {
    List<String> args = new ArrayList<>(List.of("send-keys", "-t", SESSION));
    args.addAll(List.of(keys));
    tmux(args.toArray(new String[0]));
  }

  /** The screen's text now, wrapped lines joined. */
  public String screen() throws Exception {
    ProcessBuilder builder = builder(command("capture-pane", "-p", "-J", "-t", SESSION));
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "tmux capture-pane finished");
    return out;
  }

  /** Polls the screen every 100 ms until {@code ready} holds; fails with the screen otherwise. */
  public String waitFor(String what, Duration limit, Predicate<String> ready) throws Exception {
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

  /** Whether the program in the terminal is still running (the session ends with it). */
  public boolean running() throws Exception {
    return run(command("has-session", "-t", SESSION), env) == 0;
  }

  /** The last line with text on it. */
  public static String lastLine(String screen) {
    List<String> lines = screen.strip().lines().toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  @Override
  public void close() throws Exception {
    run(command("kill-server"), env);
  }

  private void tmux(String... args) throws Exception {
    assertTrue(run(command(args), env) == 0, "tmux " + String.join(" ", args));
  }

  private List<String> command(String... args) {
    List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
    command.addAll(List.of(args));
    return command;
  }

  private ProcessBuilder builder(List<String> command) {
    return builder(command, env);
  }

  private static ProcessBuilder builder(List<String> command, Map<String, String> env) {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    // The tmux server inherits this environment, and the terminal's program inherits it from there.
    builder
        .environment()
        .keySet()
        .removeIf(name -> name.startsWith("LIGHTPANE_") || name.equals("TMUX"));
    builder.environment().put("LANG", "C.UTF-8");
    builder.environment().putAll(env);
    return builder;
  }

  private static int run(List<String> command, Map<String, String> env)
      throws IOException, InterruptedException {
    Process process = builder(command, env).start();
    process.getInputStream().transferTo(OutputStream.nullOutputStream());
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    return process.exitValue();
  }
}
