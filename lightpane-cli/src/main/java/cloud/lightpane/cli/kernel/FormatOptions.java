package cloud.lightpane.cli.kernel;

import cloud.lightpane.cli.render.OutputFormat;
import java.util.EnumSet;
import java.util.Set;

/**
 * Refuses an option that the chosen format cannot use, instead of ignoring it: a script that asks
 * for {@code --bom} with a table, or {@code --excel-safe} with JSON, has a mistake in it. The one
 * check of format-dependent options for every command that prints rows ({@code discover}, {@code
 * keys list}, {@code services}).
 */
public final class FormatOptions {
  private static final Set<OutputFormat> HEADED =
      EnumSet.of(OutputFormat.TABLE, OutputFormat.CSV, OutputFormat.TSV, OutputFormat.MARKDOWN);
  private static final Set<OutputFormat> CSV = EnumSet.of(OutputFormat.CSV);

  private FormatOptions() {}

  /**
   * @param format the format the command will print
   * @param noHeaders {@code --no-headers} was given
   * @param bom {@code --bom} was given
   * @param excelSafe {@code --excel-safe} was given
   * @param jq the {@code --jq} expression, or null
   * @throws CommandFailure a usage error naming the formats that take the option
   */
  public static void check(
      OutputFormat format, boolean noHeaders, boolean bom, boolean excelSafe, String jq) {
    if (jq != null && format != OutputFormat.JSON) {
      throw new CommandFailure(
          ExitCodes.USAGE,
          "--jq works on JSON and cannot print "
              + format
              + ": drop -o "
              + format
              + " or use -o json");
    }
    refuse("--no-headers", noHeaders, format, HEADED, "table, csv, tsv and markdown");
    refuse("--bom", bom, format, CSV, "csv");
    refuse("--excel-safe", excelSafe, format, CSV, "csv");
  }

  private static void refuse(
      String option, boolean given, OutputFormat format, Set<OutputFormat> takers, String names) {
    if (given && !takers.contains(format)) {
      throw new CommandFailure(
          ExitCodes.USAGE,
          option
              + " does not apply to -o "
              + format
              + "; only "
              + names
              + (takers.size() == 1 ? " takes it" : " take it"));
    }
  }
}
