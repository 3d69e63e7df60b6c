package cloud.lightpane.cli.completion;

import cloud.lightpane.cli.kernel.CliContext;
import cloud.lightpane.cli.kernel.CommandFailure;
import cloud.lightpane.cli.kernel.ExitCodes;
import cloud.lightpane.cli.kernel.LocalCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code lightpane completion bash|zsh}: prints a completion script for the whole tree. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = "Print a shell completion script (bash or zsh) on stdout.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  source <(lightpane completion bash)    # in ~/.bashrc",
      "  source <(lightpane completion zsh)     # in ~/.zshrc"
    })
public final class CompletionCommand implements Callable<Integer>, LocalCommand {
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
    // Made at build time (CompletionScripts): printing one is all that happens here.
    String script = CompletionScripts.shipped(shell.name());
    if (script == null) {
      throw new CommandFailure(
          ExitCodes.INTERNAL,
          "This build of lightpane has no completion scripts: they are made when the jar is"
              + " built (./mvnw -pl lightpane-cli -am package)");
    }
    context.out().write(script);
    return ExitCodes.OK;
  }
}
