package cloud.lightpane.cli.diff;

import cloud.lightpane.cli.kernel.CliContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * How rows are matched and compared, shared by {@code lightpane diff} and {@code discover
 * --compare-to}: {@code --key}, {@code --ignore}, {@code --temp-dir}.
 */
public final class DiffOptions {
  @Option(
      names = "--key",
      paramLabel = "[SERVICE=]COL",
      description =
          "Match rows by this column (repeatable) for services the catalogue has no identity for;"
              + " SERVICE=COL for one service, over the catalogue's.")
  List<String> keys = new ArrayList<>();

  @Option(
      names = "--ignore",
      paramLabel = "COL",
      split = ",",
      description = "Leave this column out of the comparison (repeatable or comma-separated).")
  List<String> ignore = new ArrayList<>();

  @Option(
      names = "--temp-dir",
      paramLabel = "DIR",
      description = "Where large snapshots are sorted on disk (default $TMPDIR, else /tmp).")
  Path tempDir;

  /** A diff set up as these options say. */
  SnapshotDiff open(CliContext context) {
    Set<String> ignored = new LinkedHashSet<>();
    for (String column : ignore) {
      if (!column.isBlank()) {
        ignored.add(column.trim());
      }
    }
    Identity identity =
        new Identity(
            new CatalogueIdentity(cloud.lightpane.stub.inventory.Catalogue.builtIn()), keys);
    return new SnapshotDiff(identity, ignored, tempParent(context));
  }

  private Path tempParent(CliContext context) {
    if (tempDir != null) {
      return tempDir;
    }
    String env = context.env("TMPDIR");
    return Path.of(env != null ? env : System.getProperty("java.io.tmpdir"));
  }
}
