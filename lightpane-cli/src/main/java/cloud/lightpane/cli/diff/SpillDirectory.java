package cloud.lightpane.cli.diff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The temporary directory a diff writes its sorted runs to once a snapshot outgrows the memory
 * budget. Made on first use (most diffs never need it), removed by {@link #close()} and, should the
 * process be interrupted, by a shutdown hook.
 */
final class SpillDirectory implements AutoCloseable {
  private final Path parent;
  private Path directory;
  private Thread cleaner;
  private int files;

  /**
   * @param parent where to make the directory ({@code --temp-dir}, {@code TMPDIR} or the JVM's)
   */
  SpillDirectory(Path parent) {
    this.parent = parent;
  }

  /** A new, empty file for one run. */
  synchronized Path newFile() throws IOException {
    if (directory == null) {
      try {
        directory = Files.createTempDirectory(parent, "lightpane-diff-");
      } catch (IOException e) {
        throw new IOException("cannot make a temporary directory: " + e.getMessage(), e);
      }
      cleaner = new Thread(new Cleaner(directory), "lightpane-diff-cleanup");
      Runtime.getRuntime().addShutdownHook(cleaner);
    }
    return directory.resolve("run-" + files++);
  }

  /** Where the directory is made. */
  Path parent() {
    return parent;
  }

  /** Whether anything was written to disk. */
  synchronized boolean used() {
    return directory != null;
  }

  @Override
  public synchronized void close() {
    if (directory == null) {
      return;
    }
    new Cleaner(directory).run();
    try {
      Runtime.getRuntime().removeShutdownHook(cleaner);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or has run: nothing left to do.
    }
    directory = null;
  }

  /** Deletes the directory and its files; never throws. */
  private static final class Cleaner implements Runnable {
    private final Path directory;

    Cleaner(Path directory) {
      this.directory = directory;
    }

    @Override
    public void run() {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
        for (Path entry : entries) {
          Files.deleteIfExists(entry);
        }
        Files.deleteIfExists(directory);
      } catch (IOException | UncheckedIOException e) {
        // Best effort: a leftover file in the temporary directory is not worth a failure.
      }
    }
  }
}
