package cloud.lightpane.cli.discover;

import cloud.lightpane.cli.candidates.Candidates;
import cloud.lightpane.cli.diff.LiveSnapshot;
import cloud.lightpane.cli.diff.SnapshotOptions;
import cloud.lightpane.cli.jq.JqFilter;
import cloud.lightpane.cli.kernel.CliContext;
import cloud.lightpane.cli.kernel.CommandFailure;
import cloud.lightpane.cli.kernel.Connection;
import cloud.lightpane.cli.kernel.ExitCodes;
import cloud.lightpane.cli.kernel.FormatOptions;
import cloud.lightpane.cli.kernel.GlobalOptions;
import cloud.lightpane.cli.kernel.SettingConverter;
import cloud.lightpane.cli.render.CsvLayout;
import cloud.lightpane.cli.render.CsvRenderer;
import cloud.lightpane.cli.render.JsonDocumentRenderer;
import cloud.lightpane.cli.render.JsonLinesRenderer;
import cloud.lightpane.cli.render.JsonRenderer;
import cloud.lightpane.cli.render.MarkdownRenderer;
import cloud.lightpane.cli.render.OutputFormat;
import cloud.lightpane.cli.render.RowRenderer;
import cloud.lightpane.cli.render.TableRenderer;
import cloud.lightpane.cli.render.TsvRenderer;
import cloud.lightpane.cli.settings.SettingKey;
import cloud.lightpane.cli.settings.Settings;
import cloud.lightpane.cli.shape.ShapeException;
import cloud.lightpane.cli.shape.ShapeOptions;
import cloud.lightpane.cli.shape.Shaping;
import cloud.lightpane.cli.shape.ShapingHandler;
import cloud.lightpane.cli.terminal.TerminalFacts;
import cloud.lightpane.client.BadRequestException;
import cloud.lightpane.client.LightPaneClient;
import cloud.lightpane.client.discovery.DiscoveryHandler;
import cloud.lightpane.client.discovery.DiscoveryRequest;
import cloud.lightpane.client.discovery.ServiceQuery;
import cloud.lightpane.stub.inventory.Catalogue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lightpane discover SERVICE...}: one batch, rendered as table, CSV, JSON or JSON Lines. */
@Command(
    name = "discover",
    mixinStandardHelpOptions = true,
    description = {
      "Discover resources: every SERVICE in every --region, sent as one batch.",
      "The provider defaults to the service's own (aws when the CLI does not know the service);"
          + " global services are asked for region 'global'."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  lightpane discover s3 ec2 --region eu-west-2 --embedded",
      "  lightpane discover ec2 -r eu-west-2,us-east-1 -a name,state -o csv",
      "  lightpane discover gcp_compute_instances -r europe-west2 -o jsonl",
      "  lightpane discover --file request.json -o json",
      "  cat request.json | lightpane discover -f - -o csv",
      "  lightpane discover -f request.json -r us-east-1 --account prod --dry-run",
      "  lightpane discover s3 -r all --dry-run",
      "  lightpane discover ec2 -r eu-west-2 --where state=running --where 'name~^prod-'",
      "  lightpane discover s3 -r eu-west-2 --where 'object_count>=1000' --where owner=",
      "  lightpane discover lambda_functions -r eu-west-2 --sort-by memory_size:desc --limit 5",
      "  lightpane discover s3 -r eu-west-2 --where versioning_status!=Enabled --fail-if-any",
      "  lightpane discover s3 -r eu-west-2 --jq '.results[].rows[].bucket_name'",
      "  lightpane discover ec2 -r eu-west-2 -a name,state -o tsv --no-headers",
      "  lightpane discover s3 -r eu-west-2 -o markdown >> \"$GITHUB_STEP_SUMMARY\"",
      "  lightpane discover s3 -r eu-west-2 -o csv --bom --excel-safe > s3.csv",
      "",
      "--where, --sort-by and --limit apply to each result (service x region):",
      "filter, then sort, then limit. --fail-if-any exits 8 when a row is printed.",
      "",
      "CSV and TSV: one service in one region gives exactly its columns. Several",
      "services or regions add leading _service,_provider,_region columns and,",
      "for several services, the union of their columns in request order.",
      "See docs/cli.md."
    })
public final class DiscoverCommand implements Callable<Integer> {
  private final CliContext context;
  private final GlobalOptions global;

  @Mixin SnapshotOptions snapshot;

  @Parameters(
      paramLabel = "SERVICE",
      arity = "0..*",
      completionCandidates = Candidates.ServiceIds.class,
      description = "Catalogue ids: ec2, s3, ...")
  List<String> services = new ArrayList<>();

  @Option(
      names = {"-p", "--provider"},
      paramLabel = "PROVIDER",
      completionCandidates = Candidates.Providers.class,
      description = "aws, gcp or azure (default: the service's own).")
  String provider;

  @Option(
      names = {"-r", "--region"},
      paramLabel = "REGION",
      completionCandidates = Candidates.Regions.class,
      split = ",",
      description =
          "Region; repeatable or comma-separated; 'all' for every region of the service's"
              + " provider (env LIGHTPANE_REGION).")
  List<String> regions = new ArrayList<>();

  @Option(
      names = {"-a", "--attributes"},
      paramLabel = "KEY",
      completionCandidates = Candidates.AttributeKeys.class,
      split = ",",
      description = "Only these columns, in this order (default: all).")
  List<String> attributes = new ArrayList<>();

  @Option(
      names = "--account",
      paramLabel = "ALIAS",
      description = "Only this account alias (keys bound to an account group).")
  String account;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description =
          "Send this request body (the API's JSON) instead; '-' reads stdin. --region,"
              + " --attributes and --account override every entry of it.")
  String file;

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
      description =
          "table, csv, tsv, markdown: rows only (no header line; for a table, no title line).")
  boolean noHeader;

  @Option(names = "--bom", description = "csv: start with a UTF-8 byte-order mark (for Excel).")
  boolean bom;

  @Option(
      names = "--excel-safe",
      description = "csv: protect every cell a spreadsheet would run as a formula (docs/excel.md).")
  boolean excelSafe;

  @Mixin ShapeOptions shape;

  @Option(
      names = "--jq",
      paramLabel = "EXPR",
      description =
          "Apply a jq expression to the JSON document (implies -o json); strings print raw,"
              + " other values as compact JSON, one per line.")
  String jq;

  @Option(
      names = "--dry-run",
      description =
          "Print the planned requests as JSON, one per batch, and send nothing (no credentials"
              + " needed).")
  boolean dryRun;

  public DiscoverCommand(CliContext context, GlobalOptions global) {
    this.context = context;
    this.global = global;
  }

  @Override
  public Integer call() throws IOException {
    Settings settings = global.settings(context, true);
    // With --compare-to, -o names the diff's format and the rows only feed the diff.
    OutputFormat format = snapshot.comparing() ? OutputFormat.JSONL : format(settings);
    FormatOptions.check(format, noHeader, bom, excelSafe, jq);
    Shaping shaping;
    try {
      shaping = shape.shaping();
    } catch (ShapeException e) {
      throw new CommandFailure(ExitCodes.USAGE, e.getMessage(), e);
    }
    JqFilter filter = jq == null ? null : compileJq();
    Catalogue catalogue = Catalogue.builtIn();
    QueryPlanner planner = new QueryPlanner(catalogue);
    List<ServiceQuery> entries = entries(planner, settings);
    if (dryRun) {
      DryRun.write(context.out(), entries);
      return ExitCodes.OK;
    }
    CsvLayout layout = null;
    if (format == OutputFormat.CSV || format == OutputFormat.TSV) {
      try {
        layout = planner.csvLayout(entries);
      } catch (IllegalArgumentException e) {
        throw new CommandFailure(ExitCodes.USAGE, e.getMessage(), e);
      }
    }
    String shown = output != null ? output.toString() : settings.get(SettingKey.OUTPUT);
    try (LiveSnapshot live = snapshot.begin(context, global, shown);
        Connection connection = Connection.open(global, settings, context, Connection.Need.ANY)) {
      // The client splits a batch over 100 entries or the key's max_batch_size (-v shows it).
      long rows = -1;
      try {
        boolean shaped = !shaping.isNone() || shape.failIfAny();
        if (format == OutputFormat.JSON && !shaped && filter == null) {
          context.out().flush();
          writeJson(connection.client(), entries, context.stdout(), live);
        } else if (filter != null && !shaped) {
          // jq reads the API's document itself: kept whole (jq's input is one value).
          ByteArrayOutputStream document = new ByteArrayOutputStream();
          writeJson(connection.client(), entries, document, live);
          filter.apply(
              new ByteArrayInputStream(document.toByteArray()),
              context.out(),
              global.terminal(context).interactive());
        } else {
          StringWriter document = filter == null ? null : new StringWriter();
          RowRenderer renderer =
              live.wrap(
                  document != null ? new JsonDocumentRenderer(document) : renderer(format, layout));
          DiscoveryHandler handler = new RenderingHandler(renderer);
          ShapingHandler shaper = null;
          if (shaped) {
            shaper = new ShapingHandler(handler, shaping, entries.size(), Shaping.SORT_BUDGET);
            handler = shaper;
          }
          try {
            connection.client().discoverStreaming(DiscoveryRequest.of(entries), handler);
          } catch (ShapingHandler.EnoughRows enough) {
            // --limit has all its rows from the last result: the rest need not be read.
          }
          renderer.finish();
          rows = shaper == null ? -1 : shaper.rowsPassed();
          if (document != null) {
            filter.apply(
                new ByteArrayInputStream(document.toString().getBytes(StandardCharsets.UTF_8)),
                context.out(),
                global.terminal(context).interactive());
          }
        }
      } catch (BadRequestException e) {
        throw new DiscoveryErrors(catalogue).explain(e, entries);
      } catch (ShapeException e) {
        throw new CommandFailure(ExitCodes.USAGE, e.getMessage(), e);
      } catch (IllegalStateException e) {
        if (filter != null && e.getMessage() != null && e.getMessage().startsWith("--jq")) {
          throw new CommandFailure(ExitCodes.USAGE, e.getMessage(), e);
        }
        throw e;
      }
      int drift = live.finish();
      if (shape.failIfAny() && rows > 0) {
        context.out().flush();
        context.stderr().println("lightpane: " + rows + (rows == 1 ? " row" : " rows") + " found");
        return ExitCodes.FINDINGS;
      }
      return drift;
    }
  }

  private JqFilter compileJq() {
    try {
      return JqFilter.compile(jq);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(ExitCodes.USAGE, e.getMessage(), e);
    }
  }

  private void writeJson(
      LightPaneClient client, List<ServiceQuery> entries, OutputStream stream, LiveSnapshot live)
      throws IOException {
    boolean pretty = stream == context.stdout() && global.terminal(context).interactive();
    JsonRenderer json = new JsonRenderer(stream, pretty, client.maxValueSize());
    try {
      client.discoverRaw(
          DiscoveryRequest.of(entries),
          (response, whole) -> {
            InputStream body = live.tee(response);
            if (whole) {
              json.writeWhole(body);
            } else {
              json.append(body);
            }
            if (body != response) {
              body.close(); // a --save copy: complete it
            }
          });
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof JsonRenderer.UnreadableBody unreadable) {
        // the body's failure, in the client's words and with its exit code
        throw client.unreadableDiscovery(unreadable.getCause());
      }
      throw e.getCause(); // the output's failure, as before the client split
    }
    json.finishMerged();
  }

  private RowRenderer renderer(OutputFormat format, CsvLayout layout) {
    Writer out = context.out();
    switch (format) {
      case CSV:
        return new CsvRenderer(out, layout, !noHeader, bom, excelSafe);
      case TSV:
        return new TsvRenderer(out, layout, !noHeader);
      case MARKDOWN:
        return new MarkdownRenderer(out, !noHeader);
      case JSON:
        return new JsonDocumentRenderer(out);
      case JSONL:
        return new JsonLinesRenderer(out);
      default:
        TerminalFacts facts = global.terminal(context);
        return new TableRenderer(out, facts, !noHeader);
    }
  }

  private OutputFormat format(Settings settings) {
    if (jq != null && output == null) {
      return OutputFormat.JSON;
    }
    return settings.outputFormat(output);
  }

  private List<ServiceQuery> entries(QueryPlanner planner, Settings settings) {
    if (file != null) {
      if (!services.isEmpty() || provider != null) {
        throw new CommandFailure(
            ExitCodes.USAGE,
            "--file names the services: give either --file or SERVICE and --provider, not both"
                + " (--region, --attributes and --account may override the file's)");
      }
      List<ServiceQuery> entries = readRequest().services();
      if (entries.isEmpty()) {
        throw new CommandFailure(ExitCodes.USAGE, "The request in " + file + " has no services");
      }
      try {
        return FileOverrides.apply(entries, planner, clean(regions), attributes, account);
      } catch (IllegalArgumentException e) {
        throw new CommandFailure(ExitCodes.USAGE, e.getMessage(), e);
      }
    }
    if (services.isEmpty()) {
      throw new CommandFailure(
          ExitCodes.USAGE,
          "Name at least one service, e.g. 'lightpane discover ec2 --region eu-west-2', or give"
              + " a request with --file");
    }
    List<String> wanted = regions;
    if (wanted.isEmpty() && settings.get(SettingKey.REGION) != null) {
      wanted = List.of(settings.get(SettingKey.REGION).split(","));
    }
    try {
      return planner.plan(services, provider, clean(wanted), attributes, account);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(ExitCodes.USAGE, e.getMessage(), e);
    }
  }

  private static List<String> clean(List<String> regions) {
    List<String> clean = new ArrayList<>();
    for (String region : regions) {
      if (!region.isBlank()) {
        clean.add(region.trim());
      }
    }
    return clean;
  }

  private DiscoveryRequest readRequest() {
    String text;
    try {
      text =
          "-".equals(file)
              ? new String(context.stdin().readAllBytes(), StandardCharsets.UTF_8)
              : Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CommandFailure(ExitCodes.USAGE, "No such file: " + file, e);
    } catch (IOException e) {
      throw new CommandFailure(ExitCodes.USAGE, "Cannot read " + file + ": " + e.getMessage(), e);
    }
    try {
      return DiscoveryRequest.fromJson(text);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(
          ExitCodes.USAGE,
          "The request in "
              + ("-".equals(file) ? "stdin" : file)
              + " is not usable: "
              + e.getMessage(),
          e);
    }
  }
}
