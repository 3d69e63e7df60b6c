package cloud.lightpane.cli.shell;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * The shell's stdout and stderr as one command sees them. When the command is cancelled (Ctrl-C)
 * they are cut: the shell is back at its prompt at once, and whatever the cancelled command still
 * writes is dropped instead of landing over the next prompt. A write to a cut stdout fails, which
 * also stops a command that is streaming rows.
 */
final class CommandOutput {
  private final OutputStream stdout;
  private final PrintWriter stderr;
  private volatile boolean cut;

  CommandOutput(OutputStream shellStdout, PrintWriter shellStderr) {
    this.stdout = new Stdout(shellStdout);
    this.stderr = new PrintWriter(new Stderr(shellStderr), true);
  }

  OutputStream stdout() {
    return stdout;
  }

  PrintWriter stderr() {
    return stderr;
  }

  /** Drops all further output of the command. */
  void cut() {
    cut = true;
  }

  private final class Stdout extends OutputStream {
    private final OutputStream target;

    Stdout(OutputStream target) {
      this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
      check();
      target.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      check();
      target.write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
      if (!cut) {
        target.flush();
      }
    }

    @Override
    public void close() throws IOException {
      flush(); // the shell's stdout stays open for the next command
    }

    private void check() throws InterruptedIOException {
      if (cut) {
        throw new InterruptedIOException("The command was cancelled");
      }
    }
  }

  private final class Stderr extends Writer {
    private final PrintWriter target;

    Stderr(PrintWriter target) {
      this.target = target;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
      if (!cut) {
        target.write(chars, offset, length);
      }
    }

    @Override
    public void flush() {
      if (!cut) {
        target.flush();
      }
    }

    @Override
    public void close() {
      flush();
    }
  }
}
