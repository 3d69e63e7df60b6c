package cloud.lightpane.cli.diff;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Sorts the records of one snapshot within a memory budget: records are kept in memory until their
 * estimated size passes the budget, then sorted and written to a run file in the {@link
 * SpillDirectory}; at the end the runs are merged (at most {@link #FAN_IN} at a time), so memory
 * stays bounded whatever the snapshot's size. A snapshot that fits is sorted in memory and never
 * touches the disk.
 */
final class RecordSorter {
  /** Runs merged at once: each open run holds a read buffer of {@link #BUFFER} bytes. */
  static final int FAN_IN = 64;

  private static final int BUFFER = 16 * 1024;

  private final long budget;
  private final SpillDirectory spill;
  private final List<DiffRecord> buffer = new ArrayList<>();
  private final List<Path> runs = new ArrayList<>();
  private long buffered;

  RecordSorter(long budget, SpillDirectory spill) {
    this.budget = budget;
    this.spill = spill;
  }

  void add(DiffRecord record) throws IOException {
    buffer.add(record);
    buffered += record.footprint();
    if (buffered > budget) {
      spillBuffer();
    }
  }

  /** Every record added, in order. Call once, after the last {@link #add}. */
  RecordStream sorted() throws IOException {
    if (runs.isEmpty()) {
      Collections.sort(buffer);
      return new ListStream(buffer);
    }
    if (!buffer.isEmpty()) {
      spillBuffer();
    }
    List<Path> pending = new ArrayList<>(runs);
    while (pending.size() > FAN_IN) {
      List<Path> group = new ArrayList<>(pending.subList(0, FAN_IN));
      pending.subList(0, FAN_IN).clear();
      Path merged = spill.newFile();
      try (RecordStream in = new MergeStream(group);
          DataOutputStream out = output(merged)) {
        for (DiffRecord record = in.next(); record != null; record = in.next()) {
          record.writeTo(out);
        }
      }
      for (Path run : group) {
        Files.deleteIfExists(run);
      }
      pending.add(merged);
    }
    return new MergeStream(pending);
  }

  private void spillBuffer() throws IOException {
    Collections.sort(buffer);
    Path run = spill.newFile();
    try (DataOutputStream out = output(run)) {
      for (DiffRecord record : buffer) {
        record.writeTo(out);
      }
    }
    runs.add(run);
    buffer.clear();
    buffered = 0;
  }

  private static DataOutputStream output(Path file) throws IOException {
    return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
  }

  /** A sorted list in memory. */
  private static final class ListStream implements RecordStream {
    private final List<DiffRecord> records;
    private int next;

    ListStream(List<DiffRecord> records) {
      this.records = records;
    }

    @Override
    public DiffRecord peek() {
      return next < records.size() ? records.get(next) : null;
    }

    @Override
    public DiffRecord next() {
      DiffRecord record = peek();
      if (record != null) {
        // Let the collector have each record once it has been matched.
        records.set(next++, null);
      }
      return record;
    }

    @Override
    public void close() {
      records.clear();
    }
  }

  /** A k-way merge of sorted run files. */
  private static final class MergeStream implements RecordStream {
    private final PriorityQueue<Head> heads = new PriorityQueue<>();
    private final List<DataInputStream> inputs = new ArrayList<>();

    MergeStream(List<Path> runs) throws IOException {
      try {
        for (Path run : runs) {
          DataInputStream in =
              new DataInputStream(new BufferedInputStream(Files.newInputStream(run), BUFFER));
          inputs.add(in);
          DiffRecord first = DiffRecord.readFrom(in);
          if (first != null) {
            heads.add(new Head(first, in, inputs.size()));
          }
        }
      } catch (IOException e) {
        close();
        throw e;
      }
    }

    @Override
    public DiffRecord peek() {
      Head head = heads.peek();
      return head == null ? null : head.record;
    }

    @Override
    public DiffRecord next() throws IOException {
      Head head = heads.poll();
      if (head == null) {
        return null;
      }
      DiffRecord record = head.record;
      DiffRecord following = DiffRecord.readFrom(head.in);
      if (following != null) {
        heads.add(new Head(following, head.in, head.run));
      }
      return record;
    }

    @Override
    public void close() throws IOException {
      for (DataInputStream in : inputs) {
        in.close();
      }
      inputs.clear();
      heads.clear();
    }
  }

  /** The next record of one run; equal records come out in run order, so the merge is stable. */
  private record Head(DiffRecord record, DataInputStream in, int run) implements Comparable<Head> {
    @Override
    public int compareTo(Head other) {
      int order = record.compareTo(other.record);
      return order != 0 ? order : Integer.compare(run, other.run);
    }
  }
}
