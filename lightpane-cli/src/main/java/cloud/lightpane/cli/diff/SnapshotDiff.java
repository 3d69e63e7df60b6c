package cloud.lightpane.cli.diff;

import cloud.lightpane.cli.kernel.CliContext;
import cloud.lightpane.cli.kernel.CommandFailure;
import cloud.lightpane.cli.kernel.ExitCodes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * One diff from start to end, as {@code lightpane diff} and {@code discover --compare-to} both run
 * it: each side's rows become records in a {@link RecordSorter} (within the memory budget, spilling
 * to a temporary directory past it), then the {@link DiffEngine} joins the two sides and a {@link
 * DiffWriter} prints the differences. Closing it removes any temporary files.
 */
final class SnapshotDiff implements AutoCloseable {
  /** The most a side keeps in memory (estimated), whatever the heap. */
  static final long LARGEST_BUDGET = 16L << 20;

  private final RecordMaker maker;
  private final SpillDirectory spill;
  private final long budget;

  SnapshotDiff(Identity identity, Set<String> ignored, Path tempParent) {
    this(identity, ignored, tempParent, budget());
  }

  SnapshotDiff(Identity identity, Set<String> ignored, Path tempParent, long budget) {
    this.maker = new RecordMaker(identity, ignored);
    this.spill = new SpillDirectory(tempParent);
    this.budget = budget;
  }

  /**
   * A side's memory budget: an eighth of the heap (both sides may be held at once, with the JSON
   * parser and output around them), at most {@link #LARGEST_BUDGET}: 8 MiB under the launcher's 64
   * MiB heap.
   */
  static long budget() {
    return Math.min(LARGEST_BUDGET, Runtime.getRuntime().maxMemory() / 8);
  }

  /** An empty side, to fill with {@link #add}. */
  RecordSorter side() {
    return new RecordSorter(budget, spill);
  }

  /** Adds one row to a side. */
  void add(RecordSorter side, SnapshotRow row) throws IOException {
    side.add(maker.record(row));
  }

  /**
   * Reads a whole snapshot ({@code -} for stdin) into a side. A file that cannot be read or is not
   * a snapshot is a usage error naming it; a temporary file that cannot be written is an error that
   * says where.
   */
  void read(String name, CliContext context, RecordSorter side) {
    try (SnapshotInput input = SnapshotInput.open(name, context)) {
      try {
        new SnapshotReader(name, new Adder(this, side)).read(input);
      } catch (SnapshotException e) {
        throw new CommandFailure(ExitCodes.USAGE, e.getMessage(), e);
      } catch (SnapshotInput.Unreadable e) {
        throw input.failure(e);
      }
    } catch (IOException e) {
      throw spillFailure(e);
    }
  }

  /** The error for a temporary file that could not be written or read. */
  CommandFailure spillFailure(IOException e) {
    return new CommandFailure(
        ExitCodes.INTERNAL,
        "Cannot sort on disk in "
            + spill.parent()
            + ": "
            + e.getMessage()
            + " (free some space there or give --temp-dir DIR)",
        e);
  }

  /** Writes the differences from {@code old} to {@code now}; the summary says how many. */
  Summary write(RecordSorter old, RecordSorter now, DiffWriter out) throws IOException {
    try (RecordStream before = old.sorted();
        RecordStream after = now.sorted()) {
      return new DiffEngine(maker).run(before, after, out);
    }
  }

  /** Whether any run went to disk (for {@code -v}). */
  boolean spilled() {
    return spill.used();
  }

  Identity identity() {
    return maker.identity();
  }

  @Override
  public void close() {
    spill.close();
  }

  /** Adds each row a reader hands over. A class, not a lambda: one idea, named. */
  private static final class Adder implements SnapshotReader.Sink {
    private final SnapshotDiff diff;
    private final RecordSorter side;

    Adder(SnapshotDiff diff, RecordSorter side) {
      this.diff = diff;
      this.side = side;
    }

    @Override
    public void row(SnapshotRow row) throws IOException {
      diff.add(side, row);
    }
  }
}
