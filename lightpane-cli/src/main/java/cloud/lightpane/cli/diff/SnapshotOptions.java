package cloud.lightpane.cli.diff;

import cloud.lightpane.cli.kernel.CliContext;
import cloud.lightpane.cli.kernel.GlobalOptions;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code discover}'s snapshot options: {@code --save FILE} writes the run's JSON Lines snapshot
 * beside the chosen output, {@code --compare-to SNAPSHOT} prints the diff from a snapshot to the
 * live result instead (exit 8 on drift), with the matching options of {@code lightpane diff}.
 */
public final class SnapshotOptions {
  @Option(
      names = "--save",
      paramLabel = "FILE",
      description = "Also write the run's JSON Lines snapshot to FILE (replaced only on success).")
  Path save;

  @Option(
      names = "--compare-to",
      paramLabel = "SNAPSHOT",
      description =
          "Print the diff from SNAPSHOT to the live result (-o table, jsonl, json or markdown);"
              + " exit 8 on drift.")
  String compareTo;

  @Mixin DiffOptions diff;

  /** Whether {@code --compare-to} was given: then stdout carries a diff, not the rows. */
  public boolean comparing() {
    return compareTo != null;
  }

  /**
   * Starts the run's snapshot work, before any request: reads the snapshot to compare to (a usage
   * error if it is unusable) and opens the file to save. With neither option, a hook that does
   * nothing.
   *
   * @param output the {@code -o} value in effect, or null for the default
   */
  public LiveSnapshot begin(CliContext context, GlobalOptions global, String output) {
    if (save == null && compareTo == null) {
      return LiveSnapshot.NONE;
    }
    return LiveSnapshot.start(context, global, this, output);
  }
}
