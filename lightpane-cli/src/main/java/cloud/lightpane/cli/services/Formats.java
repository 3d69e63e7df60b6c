package cloud.lightpane.cli.services;

import cloud.lightpane.cli.kernel.CliContext;
import cloud.lightpane.cli.kernel.CommandFailure;
import cloud.lightpane.cli.kernel.ExitCodes;
import cloud.lightpane.cli.kernel.GlobalOptions;
import cloud.lightpane.cli.render.OutputFormat;
import cloud.lightpane.cli.settings.SettingKey;

/** The output format of a services command: {@code -o}, else the setting, else table. */
final class Formats {
  private Formats() {}

  static OutputFormat resolve(
      String flag, GlobalOptions global, CliContext context, boolean noHeaders) {
    String value = flag != null ? flag : global.settings(context, true).get(SettingKey.OUTPUT);
    OutputFormat format = value == null ? OutputFormat.TABLE : OutputFormat.parse(value);
    if (format == null) {
      throw new CommandFailure(
          ExitCodes.USAGE, "Unknown output format '" + value + "': use " + OutputFormat.choices());
    }
    if (noHeaders && (format == OutputFormat.JSON || format == OutputFormat.JSONL)) {
      throw new CommandFailure(
          ExitCodes.USAGE,
          "--no-headers does not apply to -o "
              + format
              + "; only table, csv, tsv and markdown take it");
    }
    return format;
  }
}
