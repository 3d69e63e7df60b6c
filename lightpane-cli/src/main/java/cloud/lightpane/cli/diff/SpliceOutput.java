package cloud.lightpane.cli.diff;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * An input stream that remembers what it handed to its reader until told what to do with it: copy
 * it to the output unchanged ({@link #copyTo}) or drop it ({@link #dropTo}, after the caller wrote
 * a replacement). A streaming parser reads through it, so that the bytes between the values it
 * replaces reach the output exactly as they were, in memory bounded by the parser's read-ahead.
 * Offsets count bytes from the start of the input.
 */
final class SpliceOutput extends InputStream {
  private final InputStream in;
  private final OutputStream out;
  private byte[] pending = new byte[1 << 16];
  private int length;
  private long base;

  SpliceOutput(InputStream in, OutputStream out) {
    this.in = in;
    this.out = out;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] bytes, int offset, int count) throws IOException {
    int n = in.read(bytes, offset, count);
    if (n > 0) {
      if (length + n > pending.length) {
        pending = Arrays.copyOf(pending, Math.max(pending.length * 2, length + n));
      }
      System.arraycopy(bytes, offset, pending, length, n);
      length += n;
    }
    return n;
  }

  /** Writes every byte before {@code offset} not yet written or dropped. */
  void copyTo(long offset) throws IOException {
    int count = (int) Math.min(length, Math.max(0, offset - base));
    out.write(pending, 0, count);
    shift(count);
  }

  /** Forgets every byte before {@code offset}: a replacement for them has been written. */
  void dropTo(long offset) {
    shift((int) Math.min(length, Math.max(0, offset - base)));
  }

  /** Writes the rest: what the parser read and what it never asked for. */
  void finish() throws IOException {
    out.write(pending, 0, length);
    shift(length);
    in.transferTo(out);
    out.flush();
  }

  private void shift(int count) {
    System.arraycopy(pending, count, pending, 0, length - count);
    length -= count;
    base += count;
  }
}
