package cloud.lightpane.cli.kernel;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.ParseResult;

/**
 * How every command line runs: help and version first, as picocli answers them; then the one check
 * of the global options ({@link GlobalOptions#check}); then the command named last, as picocli's
 * {@link CommandLine.RunLast} runs it.
 */
public final class CheckedExecution implements IExecutionStrategy {
  private final GlobalOptions global;
  private final IExecutionStrategy run = new CommandLine.RunLast();

  /** Checks {@code global}, the options the whole command line sets. */
  public CheckedExecution(GlobalOptions global) {
    this.global = global;
  }

  @Override
  public int execute(ParseResult parsed) {
    Integer help = CommandLine.executeHelpRequest(parsed);
    if (help != null) {
      return help;
    }
    global.check(parsed);
    return run.execute(parsed);
  }
}
