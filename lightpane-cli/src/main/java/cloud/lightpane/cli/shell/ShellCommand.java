package cloud.lightpane.cli.shell;

import cloud.lightpane.cli.kernel.CliContext;
import cloud.lightpane.cli.kernel.CommandTree;
import cloud.lightpane.cli.kernel.GlobalOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lightpane shell}: the same commands, typed without the {@code lightpane} prefix, sharing
 * one client. This class stays free of JLine so that building the command tree for a one-shot
 * command never loads it; {@link InteractiveShell} does the work.
 */
@Command(
    name = "shell",
    mixinStandardHelpOptions = true,
    description = {
      "Type commands without the 'lightpane' prefix: discover, keys, config... One client (and,"
          + " with --embedded, one reference server) serves them all, so later queries reuse its"
          + " connections.",
      "Tab completes commands, options, service ids, regions, attribute keys, formats and"
          + " profiles. History is kept in $XDG_STATE_HOME/lightpane/history, without lines that"
          + " hold a token. Ctrl-C cancels the running command; Ctrl-D or 'exit' leaves.",
      "The global options given here apply to every command typed in the shell.",
      "While it waits for you, the shell runs a few demo queries against a reference server of"
          + " its own, in this process, so that your queries find the code compiled; they never"
          + " reach your server and print nothing. --no-warm-up turns that off."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  lightpane shell --embedded",
      "  lightpane [default @ 127.0.0.1:41234]> discover s3 -r eu-west-2 -o csv",
      "  lightpane shell --profile prod"
    })
public final class ShellCommand implements Callable<Integer> {
  private final CliContext context;
  private final GlobalOptions global;
  private final CommandTree tree;

  @Spec CommandSpec spec;

  @Option(
      names = "--no-warm-up",
      description = "Do not run demo queries in the background to warm the shell up.")
  boolean noWarmUp;

  ShellCommand(CliContext context, GlobalOptions global, CommandTree tree) {
    this.context = context;
    this.global = global;
    this.tree = tree;
  }

  @Override
  public Integer call() throws Exception {
    return InteractiveShell.run(context, global, tree, spec, !noWarmUp);
  }
}
