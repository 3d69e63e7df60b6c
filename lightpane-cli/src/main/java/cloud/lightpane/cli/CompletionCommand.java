package cloud.lightpane.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code lightpane completion bash|zsh}: prints a completion script for the whole tree. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = "Print a shell completion script (bash or zsh) on stdout.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  source <(lightpane completion bash)",
      "  lightpane completion zsh > \"${fpath[1]}/_lightpane\""
    })
final class CompletionCommand implements Callable<Integer> {
  enum Shell {
    bash,
    zsh
  }

  private final CliContext context;

  @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
  Shell shell;

  CompletionCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    // picocli's script serves both: under zsh it loads bashcompinit itself.
    context.out().write(AutoComplete.bash("lightpane", LightpaneCommand.commandLine(context)));
    return ExitCodes.OK;
  }
}
