package cloud.lightpane.cli.services;

import cloud.lightpane.cli.candidates.Candidates;
import cloud.lightpane.cli.kernel.CliContext;
import cloud.lightpane.cli.kernel.CommandFailure;
import cloud.lightpane.cli.kernel.ExitCodes;
import cloud.lightpane.cli.kernel.GlobalOptions;
import cloud.lightpane.cli.kernel.LocalCommand;
import cloud.lightpane.cli.render.Field;
import cloud.lightpane.cli.render.OutputFormat;
import cloud.lightpane.cli.render.RecordWriter;
import cloud.lightpane.stub.inventory.Catalogue;
import cloud.lightpane.stub.inventory.ServiceDefinition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lightpane services}: the catalogue this CLI knows, offline. */
@Command(
    name = "services",
    mixinStandardHelpOptions = true,
    subcommands = ServicesDescribeCommand.class,
    description = {
      "List the services of the built-in catalogue (offline): id, provider, label, scope"
          + " (global or regional) and number of columns."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  lightpane services",
      "  lightpane services -p gcp -o csv",
      "  lightpane services describe ec2",
      "  lightpane services describe s3 -o json"
    })
public final class ServicesCommand implements Callable<Integer>, LocalCommand {
  static final List<Field> FIELDS =
      List.of(
          new Field("id", "ID"),
          new Field("provider", "Provider"),
          new Field("label", "Label"),
          new Field("scope", "Scope"),
          new Field("columns", "Columns"));

  private final CliContext context;

  private final GlobalOptions global;

  @Option(
      names = {"-p", "--provider"},
      paramLabel = "PROVIDER",
      completionCandidates = Candidates.Providers.class,
      description = "Only this provider's services: aws, gcp or azure.")
  String provider;

  @Mixin ListingOutput listing;

  public ServicesCommand(CliContext context, GlobalOptions global) {
    this.global = global;
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    OutputFormat format = listing.format(global, context);
    Catalogue catalogue = Catalogue.builtIn();
    List<ServiceDefinition> services;
    if (provider == null) {
      services = catalogue.services();
    } else if (catalogue.providers().contains(provider)) {
      services = catalogue.services(provider);
    } else {
      throw new CommandFailure(
          ExitCodes.USAGE,
          "Unknown provider '"
              + provider
              + "': use one of "
              + String.join(", ", catalogue.providers()));
    }
    List<Map<String, Object>> records = new ArrayList<>();
    for (ServiceDefinition service : services) {
      Map<String, Object> record = new LinkedHashMap<>();
      record.put("id", service.id());
      record.put("provider", service.provider());
      record.put("label", service.label());
      record.put("scope", service.global() ? "global" : "regional");
      record.put("columns", service.columns().size());
      records.add(record);
    }
    RecordWriter.write(
        context.out(),
        format,
        FIELDS,
        records,
        "services",
        listing.headers(),
        global.terminal(context));
    return ExitCodes.OK;
  }
}
