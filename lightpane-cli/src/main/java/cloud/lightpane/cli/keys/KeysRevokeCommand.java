package cloud.lightpane.cli.keys;

import cloud.lightpane.cli.kernel.CliContext;
import cloud.lightpane.cli.kernel.Connection;
import cloud.lightpane.cli.kernel.ExitCodes;
import cloud.lightpane.cli.kernel.GlobalOptions;
import cloud.lightpane.cli.kernel.SettingConverter;
import cloud.lightpane.cli.render.JsonText;
import cloud.lightpane.cli.render.OutputFormat;
import cloud.lightpane.cli.settings.Settings;
import cloud.lightpane.cli.terminal.ScreenText;
import cloud.lightpane.client.keys.AccessKey;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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
  private final GlobalOptions global;

  @Parameters(paramLabel = "GRANT_ID", description = "The key's grant id (see 'keys list').")
  String grantId;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      converter = SettingConverter.Output.class,
      description = "table or json ({\"grant\": record}).")
  OutputFormat output;

  KeysRevokeCommand(CliContext context, GlobalOptions global) {
    this.context = context;
    this.global = global;
  }

  @Override
  public Integer call() throws IOException {
    Settings settings = global.settings(context, true);
    OutputFormat format = settings.outputFormat(output);
    try (Connection connection =
        Connection.open(global, settings, context, Connection.Need.SESSION)) {
      AccessKey key = connection.client().keys().revoke(grantId);
      if (format == OutputFormat.JSON) {
        JsonText.write(context.out(), Map.of("grant", KeyRecords.record(key)));
        context.out().write('\n');
      } else {
        KeyRecords.write(
            context.out(),
            List.of(KeyRecords.record(key)),
            format,
            global.terminal(context),
            true,
            false);
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
