package cloud.lightpane.cli.services;

import cloud.lightpane.cli.candidates.Candidates;
import cloud.lightpane.cli.kernel.CliContext;
import cloud.lightpane.cli.kernel.CommandFailure;
import cloud.lightpane.cli.kernel.ExitCodes;
import cloud.lightpane.cli.kernel.GlobalOptions;
import cloud.lightpane.cli.kernel.LocalCommand;
import cloud.lightpane.cli.render.Field;
import cloud.lightpane.cli.render.JsonText;
import cloud.lightpane.cli.render.OutputFormat;
import cloud.lightpane.cli.render.RecordWriter;
import cloud.lightpane.stub.inventory.Catalogue;
import cloud.lightpane.stub.inventory.ColumnDefinition;
import cloud.lightpane.stub.inventory.ServiceDefinition;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code lightpane services describe ID}: one service's columns and regions, offline. */
@Command(
    name = "describe",
    mixinStandardHelpOptions = true,
    description = {
      "Show one catalogue service: its columns (key and label), its identity columns (what"
          + " 'lightpane diff' matches rows by) and the regions it takes.",
      "-o json prints one object {id, provider, label, global, columns, id_columns, regions};"
          + " csv, tsv, jsonl and markdown print its columns."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  lightpane services describe ec2",
      "  lightpane services describe iam_users -o json",
      "  lightpane services describe s3 -o tsv --no-headers"
    })
final class ServicesDescribeCommand implements Callable<Integer>, LocalCommand {
  private static final List<Field> COLUMN_FIELDS =
      List.of(new Field("key", "Key"), new Field("label", "Label"));

  private final CliContext context;

  private final GlobalOptions global;

  @Parameters(
      paramLabel = "ID",
      completionCandidates = Candidates.ServiceIds.class,
      description = "A catalogue id: ec2, s3, ...")
  String id;

  @Mixin ListingOutput listing;

  ServicesDescribeCommand(CliContext context, GlobalOptions global) {
    this.global = global;
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    OutputFormat format = listing.format(global, context);
    Catalogue catalogue = Catalogue.builtIn();
    ServiceDefinition service =
        catalogue
            .service(id)
            .orElseThrow(
                () ->
                    new CommandFailure(
                        ExitCodes.USAGE,
                        "Unknown service '"
                            + id
                            + "': 'lightpane services' lists the "
                            + catalogue.services().size()
                            + " this CLI knows"));
    List<Map<String, Object>> columns = new ArrayList<>();
    for (ColumnDefinition column : service.columns()) {
      Map<String, Object> record = new LinkedHashMap<>();
      record.put("key", column.key());
      record.put("label", column.label());
      columns.add(record);
    }
    List<String> regions =
        service.global()
            ? List.of(ServiceDefinition.GLOBAL_REGION)
            : catalogue.regions(service.provider());
    Writer out = context.out();
    switch (format) {
      case JSON, JSONL -> {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("id", service.id());
        document.put("provider", service.provider());
        document.put("label", service.label());
        document.put("global", service.global());
        document.put("columns", columns);
        document.put("id_columns", service.idColumns());
        document.put("regions", regions);
        JsonText.write(out, document);
        out.write('\n');
        out.flush();
      }
      case TABLE -> {
        if (listing.headers()) {
          out.write(
              service.label()
                  + " ("
                  + service.id()
                  + ") · "
                  + service.provider()
                  + " · "
                  + (service.global() ? "global" : "regional")
                  + "\n");
          out.write(
              "Identity: "
                  + String.join(", ", service.idColumns())
                  + " (what diff matches rows by)\n");
          out.write("Regions: " + String.join(", ", regions) + "\n\n");
        }
        RecordWriter.write(
            out,
            format,
            COLUMN_FIELDS,
            columns,
            "columns",
            listing.headers(),
            global.terminal(context));
      }
      default ->
          RecordWriter.write(
              out,
              format,
              COLUMN_FIELDS,
              columns,
              "columns",
              listing.headers(),
              global.terminal(context));
    }
    return ExitCodes.OK;
  }
}
