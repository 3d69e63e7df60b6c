package cloud.lightpane.cli.kernel;

import picocli.CommandLine;

/**
 * The whole {@code lightpane} command tree, for a command that runs or lists other commands (the
 * shell). The top command implements it; a command gets it as a constructor parameter, so that no
 * feature depends on the package above it.
 */
public interface CommandTree {
  /** Every command, wired to {@code context}'s streams and the documented exit codes. */
  CommandLine build(CliContext context);

  /**
   * Runs one command line as {@code lightpane ARGS...} would, with {@code defaults} (or null) for
   * the options it does not give; returns the exit code and never throws.
   */
  int run(String[] args, CliContext context, CommandLine.IDefaultValueProvider defaults);
}
