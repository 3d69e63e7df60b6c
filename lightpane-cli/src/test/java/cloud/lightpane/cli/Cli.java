package cloud.lightpane.cli;

import cloud.lightpane.cli.kernel.CliContext;
import cloud.lightpane.cli.terminal.TerminalFacts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs {@code lightpane} in-process, as a shell would: given arguments, environment, stdin and the
 * terminal facts, it returns the exit status and everything written to stdout and stderr.
 */
final class Cli {
  private final Map<String, String> env = new HashMap<>();
  private TerminalFacts terminal = TerminalFacts.piped();
  private String stdin = "";
  private OutputStream stdout;

  /** A run isolated from the user's own profiles and environment. */
  static Cli in(Path configDir) {
    Cli cli = new Cli();
    cli.env.put("LIGHTPANE_CONFIG_DIR", configDir.toString());
    return cli;
  }

  Cli env(String name, String value) {
    env.put(name, value);
    return this;
  }

  Cli terminal(TerminalFacts facts) {
    this.terminal = facts;
    return this;
  }

  Cli stdin(String text) {
    this.stdin = text;
    return this;
  }

  /** Sends stdout to this stream instead of capturing it (e.g. one that breaks like a pipe). */
  Cli stdout(OutputStream out) {
    this.stdout = out;
    return this;
  }

  Result run(String... args) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    CliContext context =
        new CliContext(
            stdout != null ? stdout : captured,
            new PrintWriter(err, true),
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            env,
            () -> terminal,
            null);
    int exit = Main.run(args, context);
    return new Result(exit, captured.toString(StandardCharsets.UTF_8), err.toString());
  }

  record Result(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }
}
