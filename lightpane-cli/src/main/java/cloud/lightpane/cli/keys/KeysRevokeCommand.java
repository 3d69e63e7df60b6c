package cloud.lightpane.cli.keys;

import cloud.lightpane.cli.CliContext;
import cloud.lightpane.cli.Connection;
import cloud.lightpane.cli.ExitCodes;
import cloud.lightpane.cli.GlobalOptions;
import cloud.lightpane.cli.config.Settings;
import cloud.lightpane.cli.render.JsonText;
import cloud.lightpane.cli.render.OutputFormat;
import cloud.lightpane.cli.terminal.ScreenText;
import cloud.lightpane.client.keys.AccessKey;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lightpane keys revoke GRANT_ID}. */
@Command(
    name = "revoke",
    mixinStandardHelpOptions = true,
    description = "Revoke a key at once. Revoking a revoked key is not an error.",
    footerHeading = "%nExamples:%n",
    footer = {"  lightpane keys revoke 1b4e28ba-2fa1-11d2-883f-0016d3cca427"})
final class KeysRevokeCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin GlobalOptions global;

  @Parameters(paramLabel = "GRANT_ID", description = "The key's grant id (see 'keys list').")
  String grantId;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "table or json ({\"grant\": record}).")
  String output;

  KeysRevokeCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    Settings settings = global.settings(context, true);
    OutputFormat format = KeyOutput.format(output, settings);
    try (Connection connection =
        Connection.open(global, settings, context, Connection.Need.SESSION)) {
      AccessKey key = connection.client().keys().revoke(grantId);
      if (format == OutputFormat.JSON) {
        JsonText.write(context.out(), Map.of("grant", KeyRecords.record(key)));
        context.out().write('\n');
      } else {
        KeyRecords.write(context.out(), List.of(key), format, global.terminal(context), false);
      }
      context
          .stderr()
          .println(
              "lightpane: revoked "
                  + ScreenText.escape(key.grantId())
                  + " ("
                  + ScreenText.escape(key.label())
                  + ")");
    }
    return ExitCodes.OK;
  }
}
