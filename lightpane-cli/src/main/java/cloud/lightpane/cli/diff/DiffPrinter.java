package cloud.lightpane.cli.diff;

import cloud.lightpane.cli.kernel.CliContext;
import cloud.lightpane.cli.kernel.ExitCodes;
import cloud.lightpane.cli.kernel.GlobalOptions;
import cloud.lightpane.stub.inventory.Catalogue;
import java.io.IOException;

/**
 * The end of every diff: notes on stderr, the differences on stdout in the chosen format, and the
 * exit code, {@link ExitCodes#FINDINGS} when anything differs.
 */
final class DiffPrinter {
  private DiffPrinter() {}

  static int print(
      CliContext context,
      GlobalOptions global,
      SnapshotDiff diff,
      RecordSorter old,
      RecordSorter now,
      DiffFormat format)
      throws IOException {
    String note = diff.identity().unusedKeyNote();
    if (note != null) {
      context.stderr().println("lightpane: note: " + note);
    }
    DiffWriter writer =
        format.writer(
            context.out(), global.terminal(context), new SectionTitle(Catalogue.builtIn()));
    Summary summary = diff.write(old, now, writer);
    if (global.verbosity() > 0) {
      context
          .stderr()
          .println(
              "lightpane: "
                  + summary.sentence()
                  + (diff.spilled() ? " (sorted on disk: the snapshots outgrew memory)" : ""));
    }
    return summary.total() == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
  }
}
