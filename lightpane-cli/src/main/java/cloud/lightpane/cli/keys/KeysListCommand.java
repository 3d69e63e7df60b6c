package cloud.lightpane.cli.keys;

import cloud.lightpane.cli.candidates.Candidates;
import cloud.lightpane.cli.jq.JqFilter;
import cloud.lightpane.cli.kernel.CliContext;
import cloud.lightpane.cli.kernel.CommandFailure;
import cloud.lightpane.cli.kernel.Connection;
import cloud.lightpane.cli.kernel.ExitCodes;
import cloud.lightpane.cli.kernel.FormatOptions;
import cloud.lightpane.cli.kernel.GlobalOptions;
import cloud.lightpane.cli.kernel.SettingConverter;
import cloud.lightpane.cli.render.JsonText;
import cloud.lightpane.cli.render.OutputFormat;
import cloud.lightpane.cli.settings.Settings;
import cloud.lightpane.cli.shape.RowShaper;
import cloud.lightpane.cli.shape.ShapeException;
import cloud.lightpane.cli.shape.ShapeOptions;
import cloud.lightpane.cli.shape.Shaping;
import cloud.lightpane.client.discovery.Row;
import cloud.lightpane.client.keys.AccessKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lightpane keys list}. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List your access keys, revoked ones included (tokens shown masked).",
    footerHeading = "%nExamples:%n",
    footer = {
      "  lightpane keys list",
      "  lightpane keys list --where revoked=false --where grant_type=api_key",
      "  lightpane keys list --sort-by created_at:desc --limit 5 -o tsv --no-headers",
      "  lightpane keys list --where 'label~^ci-' -o markdown",
      "  lightpane keys list --jq '.grants[].grant_id'",
      "",
      "--where, --sort-by and --limit name the record's fields: the header of -o csv."
    })
final class KeysListCommand implements Callable<Integer> {
  private final CliContext context;
  private final GlobalOptions global;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      completionCandidates = Candidates.OutputFormats.class,
      converter = SettingConverter.Output.class,
      description =
          "table, csv, tsv, json, jsonl or markdown (env LIGHTPANE_OUTPUT; default table).")
  OutputFormat output;

  @Option(
      names = {"--no-headers", "--no-header"},
      description = "table, csv, tsv, markdown: rows only (no header line).")
  boolean noHeaders;

  @Option(
      names = "--excel-safe",
      description = "csv: protect cells a spreadsheet would run as formulas (docs/excel.md).")
  boolean excelSafe;

  @Mixin ShapeOptions shape;

  @Option(
      names = "--jq",
      paramLabel = "EXPR",
      description =
          "Apply a jq expression to the {\"grants\": [...]} document (implies -o json); strings"
              + " print raw, other values as compact JSON, one per line.")
  String jq;

  KeysListCommand(CliContext context, GlobalOptions global) {
    this.context = context;
    this.global = global;
  }

  @Override
  public Integer call() throws IOException {
    Settings settings = global.settings(context, true);
    OutputFormat format =
        jq != null && output == null ? OutputFormat.JSON : settings.outputFormat(output);
    FormatOptions.check(format, noHeaders, false, excelSafe, jq);
    Shaping shaping;
    JqFilter filter;
    try {
      shaping = shape.shaping();
      filter = jq == null ? null : JqFilter.compile(jq);
    } catch (ShapeException | IllegalArgumentException e) {
      throw new CommandFailure(ExitCodes.USAGE, e.getMessage(), e);
    }
    List<Map<String, Object>> records;
    try (Connection connection =
        Connection.open(global, settings, context, Connection.Need.SESSION)) {
      records = shaped(connection.client().keys().list(), shaping);
    }
    if (filter != null) {
      String document = JsonText.toJson(Map.of("grants", records));
      try {
        filter.apply(
            new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)),
            context.out(),
            global.terminal(context).interactive());
      } catch (IllegalStateException e) {
        throw new CommandFailure(ExitCodes.USAGE, e.getMessage(), e);
      }
    } else {
      KeyRecords.write(
          context.out(), records, format, global.terminal(context), !noHeaders, excelSafe);
    }
    if (shape.failIfAny() && !records.isEmpty()) {
      context.out().flush();
      int n = records.size();
      context.stderr().println("lightpane: " + n + (n == 1 ? " key" : " keys") + " found");
      return ExitCodes.FINDINGS;
    }
    return ExitCodes.OK;
  }

  /** The keys as records, through --where, --sort-by and --limit (one result: the list). */
  private static List<Map<String, Object>> shaped(List<AccessKey> keys, Shaping shaping) {
    List<Map<String, Object>> records = new ArrayList<>(keys.size());
    Consumer<Row> keep = row -> records.add(row.asMap());
    RowShaper shaper = new RowShaper(shaping, Shaping.SORT_BUDGET);
    try {
      shaper.start("keys list", KeyRecords.columns());
      for (AccessKey key : keys) {
        if (!shaper.offer(Row.of(KeyRecords.record(key)), keep)) {
          break;
        }
      }
      shaper.finish(keep);
    } catch (ShapeException e) {
      throw new CommandFailure(ExitCodes.USAGE, e.getMessage(), e);
    }
    return records;
  }
}
