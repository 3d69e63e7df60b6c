package cloud.lightpane.cli.diff;

import cloud.lightpane.cli.kernel.CliContext;
import cloud.lightpane.cli.kernel.CommandFailure;
import cloud.lightpane.cli.kernel.ExitCodes;
import cloud.lightpane.cli.kernel.GlobalOptions;
import cloud.lightpane.cli.kernel.LocalCommand;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lightpane diff OLD NEW}: what changed between two snapshots of {@code discover}. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Show what changed between two snapshots: each the output of 'discover -o jsonl' or"
          + " 'discover -o json' ('-' reads stdin for one of them).",
      "Rows are matched per service, provider and region by the service's identity columns from"
          + " the catalogue, else by --key, else by the whole row (a change then shows as removed"
          + " plus added). Exit 0: no difference; 8: differences found; 2: an unreadable or"
          + " malformed snapshot."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  lightpane discover ec2 s3 -r eu-west-2 -o jsonl > today.jsonl",
      "  lightpane diff yesterday.jsonl today.jsonl",
      "  lightpane diff old.json new.jsonl --ignore launch_time -o jsonl",
      "  lightpane diff --key my_service=uuid old.jsonl new.jsonl -o markdown",
      "",
      "Output is sorted by service, provider, region, then identity. See docs/cli.md."
    })
public final class DiffCommand implements Callable<Integer>, LocalCommand {
  private final CliContext context;
  private final GlobalOptions global;

  @Parameters(index = "0", paramLabel = "OLD", description = "The earlier snapshot, or '-'.")
  String oldSnapshot;

  @Parameters(index = "1", paramLabel = "NEW", description = "The later snapshot, or '-'.")
  String newSnapshot;

  @Mixin DiffOptions options;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "table (default), jsonl, json or markdown.")
  String output = "table";

  public DiffCommand(CliContext context, GlobalOptions global) {
    this.context = context;
    this.global = global;
  }

  @Override
  public Integer call() throws IOException {
    DiffFormat format = DiffFormat.parse(output);
    if ("-".equals(oldSnapshot) && "-".equals(newSnapshot)) {
      throw new CommandFailure(
          ExitCodes.USAGE, "Only one of OLD and NEW can be '-' (stdin): give the other as a file");
    }
    try (SnapshotDiff diff = options.open(context)) {
      RecordSorter old = diff.side();
      diff.read(oldSnapshot, context, old);
      RecordSorter now = diff.side();
      diff.read(newSnapshot, context, now);
      return DiffPrinter.print(context, global, diff, old, now, format);
    }
  }
}
