package cloud.lightpane.cli.services;

import cloud.lightpane.cli.candidates.Candidates;
import cloud.lightpane.cli.kernel.CliContext;
import cloud.lightpane.cli.kernel.FormatOptions;
import cloud.lightpane.cli.kernel.GlobalOptions;
import cloud.lightpane.cli.kernel.SettingConverter;
import cloud.lightpane.cli.render.OutputFormat;
import picocli.CommandLine.Option;

/**
 * The output options of the services commands: {@code -o}, parsed by the kernel's converter like
 * every other command's, and {@code --no-headers}.
 */
final class ListingOutput {
  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      converter = SettingConverter.Output.class,
      completionCandidates = Candidates.OutputFormats.class,
      description = "table, csv, tsv, json, jsonl or markdown (env LIGHTPANE_OUTPUT).")
  OutputFormat output;

  @Option(
      names = {"--no-headers", "--no-header"},
      description = "table, csv, tsv, markdown: rows only.")
  boolean noHeaders;

  /** {@code -o}, else the setting, else table; a usage error for options the format cannot use. */
  OutputFormat format(GlobalOptions global, CliContext context) {
    OutputFormat format = global.settings(context, true).outputFormat(output);
    FormatOptions.check(format, noHeaders, false, false, null);
    return format;
  }

  /** Whether a header line is written. */
  boolean headers() {
    return !noHeaders;
  }
}
