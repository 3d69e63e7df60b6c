package cloud.lightpane.cli;

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
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
  private final PrintWriter err;

  ErrorReporter(PrintWriter err) {
    this.err = err;
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
    if (verbose(command)) {
      ScreenText.printStackTrace(failure, err);
    }
    err.flush();
    return described.exitCode();
  }

  @Override
  public int handleParseException(ParameterException usage, String[] args) {
    CommandLine command = usage.getCommandLine();
    err.println("lightpane: " + usage.getMessage());
    if (usage instanceof UnmatchedArgumentException unmatched) {
      UnmatchedArgumentException.printSuggestions(unmatched, err);
    }
    err.println(
        "Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return ExitCodes.USAGE;
  }

  private static boolean verbose(CommandLine command) {
    ParseResult parsed = command.getParseResult();
    return parsed != null && parsed.hasMatchedOption("--verbose");
  }
}
