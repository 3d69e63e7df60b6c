package cloud.lightpane.cli.keys;

import cloud.lightpane.cli.candidates.Candidates;
import cloud.lightpane.cli.kernel.CliContext;
import cloud.lightpane.cli.kernel.Connection;
import cloud.lightpane.cli.kernel.ExitCodes;
import cloud.lightpane.cli.kernel.GlobalOptions;
import cloud.lightpane.cli.kernel.SettingConverter;
import cloud.lightpane.cli.render.OutputFormat;
import cloud.lightpane.cli.settings.Settings;
import cloud.lightpane.client.keys.AccessKey;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lightpane keys list}. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List your access keys, revoked ones included (tokens shown masked).",
    footerHeading = "%nExamples:%n",
    footer = {
      "  lightpane keys list",
      "  lightpane keys list -o json | jq -r '.grants[].grant_id'"
    })
final class KeysListCommand implements Callable<Integer> {
  private final CliContext context;
  private final GlobalOptions global;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      completionCandidates = Candidates.OutputFormats.class,
      converter = SettingConverter.Output.class,
      description = "table, csv, json or jsonl (env LIGHTPANE_OUTPUT; default table).")
  OutputFormat output;

  @Option(
      names = "--excel-safe",
      description =
          "With -o csv: protect cells a spreadsheet would run as formulas (docs/excel.md).")
  boolean excelSafe;

  KeysListCommand(CliContext context, GlobalOptions global) {
    this.context = context;
    this.global = global;
  }

  @Override
  public Integer call() throws IOException {
    Settings settings = global.settings(context, true);
    var format = KeyOutput.checked(settings.outputFormat(output));
    try (Connection connection =
        Connection.open(global, settings, context, Connection.Need.SESSION)) {
      List<AccessKey> keys = connection.client().keys().list();
      KeyRecords.write(context.out(), keys, format, global.terminal(context), excelSafe);
    }
    return ExitCodes.OK;
  }
}
