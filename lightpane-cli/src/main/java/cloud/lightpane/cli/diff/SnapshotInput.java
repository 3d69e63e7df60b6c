package cloud.lightpane.cli.diff;

import cloud.lightpane.cli.kernel.CliContext;
import cloud.lightpane.cli.kernel.CommandFailure;
import cloud.lightpane.cli.kernel.ExitCodes;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A snapshot file opened for reading ({@code -} is stdin, left open). Its read errors are {@link
 * Unreadable}, so that they are told apart from errors of the temporary files and reported as the
 * user's input: {@code Cannot read old.jsonl: Is a directory}, exit 2.
 */
final class SnapshotInput extends FilterInputStream {
  private final String name;
  private final boolean stdin;

  private SnapshotInput(String name, InputStream in, boolean stdin) {
    super(in);
    this.name = name;
    this.stdin = stdin;
  }

  /** Opens {@code name}; a file that cannot be opened is a usage error that says why. */
  static SnapshotInput open(String name, CliContext context) {
    if ("-".equals(name)) {
      return new SnapshotInput("stdin", context.stdin(), true);
    }
    try {
      return new SnapshotInput(name, Files.newInputStream(Path.of(name)), false);
    } catch (NoSuchFileException e) {
      throw new CommandFailure(ExitCodes.USAGE, "No such file: " + shown(name), e);
    } catch (AccessDeniedException e) {
      throw new CommandFailure(
          ExitCodes.USAGE, "Cannot read " + shown(name) + ": permission denied", e);
    } catch (IOException | RuntimeException e) {
      throw new CommandFailure(
          ExitCodes.USAGE, "Cannot read " + shown(name) + ": " + e.getMessage(), e);
    }
  }

  private static String shown(String name) {
    return cloud.lightpane.cli.render.TextTable.visible(name);
  }

  /** The usage error for a read that failed. */
  CommandFailure failure(Unreadable e) {
    return new CommandFailure(
        ExitCodes.USAGE, "Cannot read " + shown(name) + ": " + e.getCause().getMessage(), e);
  }

  @Override
  public int read() throws IOException {
    try {
      return super.read();
    } catch (IOException e) {
      throw new Unreadable(e);
    }
  }

  @Override
  public int read(byte[] bytes, int offset, int length) throws IOException {
    try {
      return super.read(bytes, offset, length);
    } catch (IOException e) {
      throw new Unreadable(e);
    }
  }

  @Override
  public void close() throws IOException {
    if (!stdin) {
      super.close();
    }
  }

  /** A read of the snapshot itself failed. */
  static final class Unreadable extends IOException {
    private static final long serialVersionUID = 1L;

    Unreadable(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
