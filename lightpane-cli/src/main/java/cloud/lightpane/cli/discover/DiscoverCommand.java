package cloud.lightpane.cli.discover;

import cloud.lightpane.cli.candidates.Candidates;
import cloud.lightpane.cli.diff.LiveSnapshot;
import cloud.lightpane.cli.diff.SnapshotOptions;
import cloud.lightpane.cli.kernel.CliContext;
import cloud.lightpane.cli.kernel.CommandFailure;
import cloud.lightpane.cli.kernel.Connection;
import cloud.lightpane.cli.kernel.ExitCodes;
import cloud.lightpane.cli.kernel.GlobalOptions;
import cloud.lightpane.cli.kernel.SettingConverter;
import cloud.lightpane.cli.render.CsvLayout;
import cloud.lightpane.cli.render.CsvRenderer;
import cloud.lightpane.cli.render.JsonLinesRenderer;
import cloud.lightpane.cli.render.JsonRenderer;
import cloud.lightpane.cli.render.OutputFormat;
import cloud.lightpane.cli.render.RowRenderer;
import cloud.lightpane.cli.render.TableRenderer;
import cloud.lightpane.cli.settings.SettingKey;
import cloud.lightpane.cli.settings.Settings;
import cloud.lightpane.cli.terminal.TerminalFacts;
import cloud.lightpane.client.BadRequestException;
import cloud.lightpane.client.LightPaneClient;
import cloud.lightpane.client.discovery.DiscoveryRequest;
import cloud.lightpane.client.discovery.ServiceQuery;
import cloud.lightpane.stub.inventory.Catalogue;
import java.io.IOException;
import java.io.InputStream;
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
      "",
      "CSV: one service in one region gives exactly its columns. Several",
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
      description = "Region; repeatable or comma-separated (env LIGHTPANE_REGION).")
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
      description = "Send this request body (the API's JSON) instead; '-' reads stdin.")
  String file;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      completionCandidates = Candidates.OutputFormats.class,
      converter = SettingConverter.Output.class,
      description = "table, csv, json or jsonl (env LIGHTPANE_OUTPUT; default table).")
  OutputFormat output;

  @Option(names = "--no-header", description = "CSV: no header line.")
  boolean noHeader;

  @Option(names = "--bom", description = "CSV: start with a UTF-8 byte-order mark (for Excel).")
  boolean bom;

  @Option(
      names = "--excel-safe",
      description = "CSV: prefix text starting with = + - @ with ' so spreadsheets do not run it.")
  boolean excelSafe;

  public DiscoverCommand(CliContext context, GlobalOptions global) {
    this.context = context;
    this.global = global;
  }

  @Override
  public Integer call() throws IOException {
    Settings settings = global.settings(context, true);
    // With --compare-to, -o names the diff's format and the rows only feed the diff.
    OutputFormat format = snapshot.comparing() ? OutputFormat.JSONL : settings.outputFormat(output);
    Catalogue catalogue = Catalogue.builtIn();
    QueryPlanner planner = new QueryPlanner(catalogue);
    List<ServiceQuery> entries = entries(planner, settings);
    CsvLayout layout = null;
    if (format == OutputFormat.CSV) {
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
      try {
        if (format == OutputFormat.JSON) {
          writeJson(connection.client(), entries, live);
        } else {
          RowRenderer renderer = live.wrap(renderer(format, layout));
          connection
              .client()
              .discoverStreaming(DiscoveryRequest.of(entries), new RenderingHandler(renderer));
          renderer.finish();
        }
      } catch (BadRequestException e) {
        throw new DiscoveryErrors(catalogue).explain(e, entries);
      }
      return live.finish();
    }
  }

  private void writeJson(LightPaneClient client, List<ServiceQuery> entries, LiveSnapshot live)
      throws IOException {
    context.out().flush();
    JsonRenderer json = new JsonRenderer(context.stdout(), global.terminal(context).interactive());
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
      throw e.getCause(); // the output's failure (or the body's), as before the client split
    }
    json.finishMerged();
  }

  private RowRenderer renderer(OutputFormat format, CsvLayout layout) {
    Writer out = context.out();
    switch (format) {
      case CSV:
        return new CsvRenderer(out, layout, !noHeader, bom, excelSafe);
      case JSONL:
        return new JsonLinesRenderer(out);
      default:
        TerminalFacts facts = global.terminal(context);
        return new TableRenderer(out, facts);
    }
  }

  private List<ServiceQuery> entries(QueryPlanner planner, Settings settings) {
    if (file != null) {
      if (!services.isEmpty()
          || provider != null
          || !regions.isEmpty()
          || !attributes.isEmpty()
          || account != null) {
        throw new CommandFailure(
            ExitCodes.USAGE,
            "--file holds the whole request: give either --file or SERVICE with --provider,"
                + " --region, --attributes and --account, not both");
      }
      List<ServiceQuery> entries = readRequest().services();
      if (entries.isEmpty()) {
        throw new CommandFailure(ExitCodes.USAGE, "The request in " + file + " has no services");
      }
      return entries;
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
    List<String> cleanRegions = new ArrayList<>();
    for (String region : wanted) {
      if (!region.isBlank()) {
        cleanRegions.add(region.trim());
      }
    }
    try {
      return planner.plan(services, provider, cleanRegions, attributes, account);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(ExitCodes.USAGE, e.getMessage(), e);
    }
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
