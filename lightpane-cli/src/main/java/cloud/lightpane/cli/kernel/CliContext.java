package cloud.lightpane.cli.kernel;

import cloud.lightpane.cli.terminal.TerminalFacts;
import java.io.BufferedOutputStream;
import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a command may touch of the outside world: standard streams, the environment and the facts
 * about the terminal. Tests build one over byte arrays and a map, so every command runs in-process
 * exactly as it would in a shell.
 */
public final class CliContext {
  private final OutputStream stdout;
  private final PrintWriter stderr;
  private final InputStream stdin;
  private final Map<String, String> env;
  private final Supplier<TerminalFacts> terminal;
  private final Console console;
  private final Connection.Source connections;
  private TerminalFacts terminalFacts;
  private Writer out;

  public CliContext(
      OutputStream stdout,
      PrintWriter stderr,
      InputStream stdin,
      Map<String, String> env,
      Supplier<TerminalFacts> terminal,
      Console console) {
    this(stdout, stderr, stdin, env, terminal, console, null);
  }

  /**
   * A context whose commands take their connections from {@code connections} (the shell, which
   * keeps one client and its pooled connections across commands) instead of opening their own.
   */
  public CliContext(
      OutputStream stdout,
      PrintWriter stderr,
      InputStream stdin,
      Map<String, String> env,
      Supplier<TerminalFacts> terminal,
      Console console,
      Connection.Source connections) {
    this.connections = connections;
    this.stdout = Objects.requireNonNull(stdout);
    this.stderr = Objects.requireNonNull(stderr);
    this.stdin = Objects.requireNonNull(stdin);
    this.env = Map.copyOf(env);
    this.terminal = Objects.requireNonNull(terminal);
    this.console = console;
  }

  /**
   * The real process. stdout is our own buffered stream over file descriptor 1 rather than {@code
   * System.out}, because {@code PrintStream} swallows write errors and a closed pipe would go
   * unnoticed.
   */
  public static CliContext system() {
    OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
    PrintWriter err =
        new PrintWriter(
            new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8),
            true);
    Map<String, String> env = System.getenv();
    return new CliContext(
        out, err, System.in, env, () -> TerminalFacts.detect(env), System.console());
  }

  /** Raw standard output: data only. Callers flush it; {@link Main} flushes it at the end. */
  public OutputStream stdout() {
    return stdout;
  }

  /**
   * Standard output as UTF-8 text, for data. Write errors (a closed pipe) are thrown, never
   * swallowed; {@link Main} flushes it at the end.
   */
  public Writer out() {
    if (out == null) {
      out = new Utf8Writer(stdout);
    }
    return out;
  }

  /** Flushes {@link #out()} and stdout. */
  public void flush() throws IOException {
    if (out != null) {
      out.flush();
    }
    stdout.flush();
  }

  /** Standard error: progress, warnings, errors. */
  public PrintWriter stderr() {
    return stderr;
  }

  public InputStream stdin() {
    return stdin;
  }

  public Map<String, String> env() {
    return env;
  }

  /** The value of an environment variable, or null when unset or empty. */
  public String env(String name) {
    String value = env.get(name);
    return value == null || value.isEmpty() ? null : value;
  }

  /**
   * Facts about the terminal on stdout; detected once, on first use (it may start {@code stty}).
   */
  public TerminalFacts terminal() {
    if (terminalFacts == null) {
      terminalFacts = terminal.get();
    }
    return terminalFacts;
  }

  /** Where commands get their connection, or null when each opens (and closes) its own. */
  public Connection.Source connections() {
    return connections;
  }

  /** The interactive console for prompts, or null when stdin or stdout is not a terminal. */
  public Console console() {
    return console;
  }
}
