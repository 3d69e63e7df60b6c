package cloud.lightpane.cli;

import cloud.lightpane.cli.kernel.CliContext;
import cloud.lightpane.cli.kernel.ExitCodeMapper;
import cloud.lightpane.cli.kernel.ExitCodes;
import cloud.lightpane.cli.terminal.ScreenText;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;

/** The {@code lightpane} command: {@code java -jar lightpane.jar ARGS...}. */
public final class Main {
  /**
   * The JDK will not answer a proxy's Basic challenge to an https tunnel unless this property
   * leaves Basic out (its default lists it). The proxy's credentials come from HTTPS_PROXY, which
   * the user set on purpose; set before any HTTP class reads it, and only when not set already.
   */
  static final String TUNNELING_DISABLED_SCHEMES = "jdk.http.auth.tunneling.disabledSchemes";

  static {
    if (System.getProperty(TUNNELING_DISABLED_SCHEMES) == null) {
      System.setProperty(TUNNELING_DISABLED_SCHEMES, "");
    }
  }

  private Main() {}

  public static void main(String[] args) {
    int code = run(args, CliContext.system());
    // Exit explicitly: a command's stray non-daemon thread must never keep a script waiting.
    System.exit(code);
  }

  /** Runs one command line against {@code context} and returns the exit code; never throws. */
  public static int run(String[] args, CliContext context) {
    return run(args, context, null);
  }

  /**
   * Runs one command line with {@code defaults} for options it does not give (the shell passes its
   * own global options this way); never throws.
   */
  public static int run(
      String[] args, CliContext context, CommandLine.IDefaultValueProvider defaults) {
    int code;
    if (args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
      // Scripts call --version to probe for the tool: answer without building the command tree.
      PrintWriter out = new PrintWriter(context.out());
      out.println(LightpaneCommand.versionLine());
      code = ExitCodes.OK;
    } else {
      try {
        CommandLine commandLine = LightpaneCommand.commandLine(context, args);
        if (defaults != null) {
          commandLine.setDefaultValueProvider(defaults);
        }
        code = commandLine.execute(args);
      } catch (RuntimeException | Error e) {
        // Errors (and anything picocli lets through) still get one line, not a JVM stack trace.
        ExitCodeMapper.Failure failure = ExitCodeMapper.describe(e);
        context.stderr().println("lightpane: " + ScreenText.escape(failure.message()));
        if (Arrays.asList(args).contains("-v") || Arrays.asList(args).contains("--verbose")) {
          ScreenText.printStackTrace(e, context.stderr());
        }
        code = failure.exitCode();
      }
    }
    try {
      context.flush();
    } catch (IOException e) {
      if (!ExitCodeMapper.isClosedPipe(e)) {
        context.stderr().println("lightpane: Cannot write the output: " + e.getMessage());
        code = code == ExitCodes.OK ? ExitCodes.INTERNAL : code;
      }
    }
    context.stderr().flush();
    return code;
  }
}
