package cloud.lightpane.cli.keys;

import cloud.lightpane.cli.CommandFailure;
import cloud.lightpane.cli.ExitCodes;
import cloud.lightpane.cli.config.SettingKey;
import cloud.lightpane.cli.config.Settings;
import cloud.lightpane.cli.render.OutputFormat;

/** The output format of a keys command: {@code -o}, else the setting, else table. */
final class KeyOutput {
  private KeyOutput() {}

  static OutputFormat format(String flag, Settings settings) {
    String value = flag != null ? flag : settings.get(SettingKey.OUTPUT);
    OutputFormat format = OutputFormat.parse(value);
    if (format == null) {
      throw new CommandFailure(
          ExitCodes.USAGE, "Unknown output format '" + value + "': use " + OutputFormat.names());
    }
    if (format == OutputFormat.TSV || format == OutputFormat.MARKDOWN) {
      throw new CommandFailure(
          ExitCodes.USAGE,
          "The keys commands print table, csv, json or jsonl, not " + format + ": use -o csv");
    }
    return format;
  }
}
