package cloud.lightpane.cli.shape;

import cloud.lightpane.client.discovery.Row;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Sorts the rows of one result in bounded memory: rows are kept until their estimated size passes
 * the budget, then sorted and written as a run to a temporary directory; at the end the runs (and
 * the rows still in memory) are merged. Stable: rows that compare equal keep their arrival order,
 * in memory (a stable sort) and across runs (an earlier run wins a tie).
 */
final class RowSorter implements AutoCloseable {
  private static final int RUN_BUFFER = 32 * 1024;

  private final List<SortKey> keys;
  private final long budget;
  private final List<Keyed> rows = new ArrayList<>();
  private final List<Path> runs = new ArrayList<>();
  private long held;
  private long arrival;
  private Path directory;

  /**
   * @param budget estimated bytes of rows to hold before spilling a run
   */
  RowSorter(List<SortKey> keys, long budget) {
    this.keys = keys;
    this.budget = budget;
  }

  void add(Row row) {
    rows.add(keyed(row, arrival++));
    held += estimate(row);
    if (held > budget) {
      spill();
    }
  }

  /** Hands every row over in order until {@code to} returns false. */
  void drain(RowSink to) {
    sortInMemory();
    if (runs.isEmpty()) {
      for (Keyed row : rows) {
        if (!to.accept(row.row)) {
          return;
        }
      }
      return;
    }
    List<Source> sources = new ArrayList<>();
    PriorityQueue<Source> queue = new PriorityQueue<>(this::compareHeads);
    try {
      for (Path run : runs) {
        Source source = new RunSource(run);
        sources.add(source);
        if (source.advance()) {
          queue.add(source);
        }
      }
      Source memory = new MemorySource(rows);
      if (memory.advance()) {
        queue.add(memory);
      }
      while (!queue.isEmpty()) {
        Source head = queue.poll();
        if (!to.accept(head.current.row)) {
          return;
        }
        if (head.advance()) {
          queue.add(head);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read a sort run back: " + e.getMessage(), e);
    } finally {
      for (Source source : sources) {
        source.close();
      }
    }
  }

  /** Deletes the runs and the temporary directory. */
  @Override
  public void close() {
    rows.clear();
    for (Path run : runs) {
      try {
        Files.deleteIfExists(run);
      } catch (IOException ignored) {
        // Best effort: the directory is the system's temporary one.
      }
    }
    runs.clear();
    if (directory != null) {
      try {
        Files.deleteIfExists(directory);
      } catch (IOException ignored) {
        // As above.
      }
      directory = null;
    }
  }

  /** How many runs were written to disk (for tests and {@code -v}). */
  int runCount() {
    return runs.size();
  }

  private void spill() {
    sortInMemory();
    try {
      if (directory == null) {
        directory = Files.createTempDirectory("lightpane-sort-");
      }
      Path run = directory.resolve("run-" + runs.size());
      try (DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), RUN_BUFFER))) {
        for (Keyed row : rows) {
          out.writeLong(row.arrival);
          RowCodec.write(out, row.row);
        }
      }
      runs.add(run);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write a sort run to the temporary directory ("
              + System.getProperty("java.io.tmpdir")
              + "): "
              + e.getMessage(),
          e);
    }
    rows.clear();
    held = 0;
  }

  private void sortInMemory() {
    // List.sort is stable; ties then fall back to arrival, which is already their order.
    rows.sort((a, b) -> SortKey.compare(keys, a.values, b.values));
  }

  private int compareHeads(Source a, Source b) {
    int order = SortKey.compare(keys, a.current.values, b.current.values);
    return order != 0 ? order : Long.compare(a.current.arrival, b.current.arrival);
  }

  private Keyed keyed(Row row, long order) {
    Object[] values = new Object[keys.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = keys.get(i).sortValue(row);
    }
    return new Keyed(row, values, order);
  }

  /** A rough size of a row on the heap: enough to keep memory bounded, not exact. */
  static long estimate(Row row) {
    long size = 96;
    for (Map.Entry<String, Object> entry : row.asMap().entrySet()) {
      size += 48 + estimateValue(entry.getValue());
    }
    return size;
  }

  private static long estimateValue(Object value) {
    if (value instanceof String text) {
      return 48 + text.length();
    }
    if (value instanceof Map<?, ?> map) {
      long size = 64;
      for (Object item : map.values()) {
        size += 48 + estimateValue(item);
      }
      return size;
    }
    if (value instanceof List<?> list) {
      long size = 48;
      for (Object item : list) {
        size += 16 + estimateValue(item);
      }
      return size;
    }
    return 24;
  }

  /** Receives sorted rows; returns false to stop. */
  interface RowSink {
    boolean accept(Row row);
  }

  private record Keyed(Row row, Object[] values, long arrival) {}

  private abstract static class Source {
    Keyed current;

    abstract boolean advance() throws IOException;

    void close() {}
  }

  private static final class MemorySource extends Source {
    private final List<Keyed> rows;
    private int next;

    MemorySource(List<Keyed> rows) {
      this.rows = rows;
    }

    @Override
    boolean advance() {
      if (next >= rows.size()) {
        return false;
      }
      current = rows.get(next++);
      return true;
    }
  }

  private final class RunSource extends Source {
    private final DataInputStream in;

    RunSource(Path run) throws IOException {
      in = new DataInputStream(new BufferedInputStream(Files.newInputStream(run), RUN_BUFFER));
    }

    @Override
    boolean advance() throws IOException {
      long order;
      try {
        order = in.readLong();
      } catch (EOFException end) {
        return false;
      }
      current = keyed(RowCodec.read(in), order);
      return true;
    }

    @Override
    void close() {
      try {
        in.close();
      } catch (IOException ignored) {
        // Read to its end or abandoned; the file is deleted next.
      }
    }
  }
}
