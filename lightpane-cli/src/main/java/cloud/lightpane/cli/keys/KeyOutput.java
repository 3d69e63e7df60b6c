package cloud.lightpane.cli.keys;

import cloud.lightpane.cli.kernel.CommandFailure;
import cloud.lightpane.cli.kernel.ExitCodes;
import cloud.lightpane.cli.render.OutputFormat;

/** The output formats the keys commands print: the row formats have no key table. */
final class KeyOutput {
  private KeyOutput() {}

  /** The format, or a usage error for the formats made for discovery results only. */
  static OutputFormat checked(OutputFormat format) {
    if (format == OutputFormat.TSV || format == OutputFormat.MARKDOWN) {
      throw new CommandFailure(
          ExitCodes.USAGE,
          "The keys commands print table, csv, json or jsonl, not " + format + ": use -o csv");
    }
    return format;
  }
}
