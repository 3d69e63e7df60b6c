package cloud.lightpane.cli.kernel;

import cloud.lightpane.cli.terminal.ScreenText;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Prints failures the way the exit codes document them: one line on stderr in the user's terms, a
 * stack trace only with {@code --verbose}, and for usage errors a pointer to {@code --help}.
 */
public final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
  private final PrintWriter err;
  private final GlobalOptions global;

  /** Reports on {@code err}; {@code global} says whether {@code -v} asks for stack traces. */
  public ErrorReporter(PrintWriter err, GlobalOptions global) {
    this.err = err;
    this.global = global;
  }

  @Override
  public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
    if (failure instanceof ParameterException usage) {
      return handleParseException(usage, new String[0]);
    }
    if (ExitCodeMapper.isClosedPipe(failure)) {
      // The reader has all it wanted (| head -1): stop quietly, as cat and grep do.
      return ExitCodes.OK;
    }
    ExitCodeMapper.Failure described = ExitCodeMapper.describe(failure);
    err.println("lightpane: " + ScreenText.escape(described.message()));
    if (global.verbosity() > 0) {
      ScreenText.printStackTrace(failure, err);
    }
    err.flush();
    return described.exitCode();
  }

  @Override
  public int handleParseException(ParameterException usage, String[] args) {
    CommandLine command = usage.getCommandLine();
    // A setting's flag (--timeout 5x) has a message of its own that names the flag: no prefix.
    boolean own = usage.getCause() instanceof SettingConverter.Invalid;
    err.println("lightpane: " + (own ? usage.getCause().getMessage() : usage.getMessage()));
    if (usage instanceof UnmatchedArgumentException unmatched) {
      UnmatchedArgumentException.printSuggestions(unmatched, err);
    }
    err.println(
        "Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return ExitCodes.USAGE;
  }
}
