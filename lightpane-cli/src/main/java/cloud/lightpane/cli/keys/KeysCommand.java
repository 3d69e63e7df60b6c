package cloud.lightpane.cli.keys;

import cloud.lightpane.cli.kernel.CliContext;
import cloud.lightpane.cli.kernel.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code lightpane keys list|create|revoke}: access keys, managed with a session. */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = {
      "Manage access keys. Needs a session: LIGHTPANE_SESSION, the profile's session, or"
          + " --embedded."
    },
    subcommands = {KeysListCommand.class, KeysCreateCommand.class, KeysRevokeCommand.class},
    footerHeading = "%nExamples:%n",
    footer = {
      "  lightpane keys list",
      "  lightpane keys create --type api_key --label ci --services s3,ec2 --max-batch-size 10",
      "  lightpane keys revoke 1b4e28ba-2fa1-11d2-883f-0016d3cca427"
    })
public final class KeysCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec CommandSpec spec;

  public KeysCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    context.stderr().println("lightpane: keys needs a subcommand: list, create or revoke");
    spec.commandLine().usage(context.stderr());
    return ExitCodes.USAGE;
  }
}
