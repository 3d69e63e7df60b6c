package cloud.lightpane.cli.kernel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A UTF-8 writer for stdout. {@code OutputStreamWriter} copies every string into a char array and
 * through a charset encoder, under a lock per call; at a million CSV rows that is a large share of
 * the run. Here a string is encoded by {@link String#getBytes}, which copies an ASCII string's
 * bytes as they are, into a buffer of our own. Write errors are thrown, never swallowed, so a
 * closed pipe stops the command. Not thread-safe: one command writes.
 */
final class Utf8Writer extends Writer {
  private static final byte REPLACEMENT = '?';

  private final OutputStream out;
  private final byte[] buffer = new byte[1 << 14];
  private int used;
  private char pendingHigh;

  Utf8Writer(OutputStream out) {
    this.out = out;
  }

  @Override
  public void write(int c) throws IOException {
    put((char) c);
  }

  @Override
  public void write(char[] chars, int offset, int length) throws IOException {
    bulk(new String(chars, offset, length));
  }

  @Override
  public void write(String text) throws IOException {
    bulk(text);
  }

  @Override
  public void write(String text, int offset, int length) throws IOException {
    bulk(offset == 0 && length == text.length() ? text : text.substring(offset, offset + length));
  }

  @Override
  public Writer append(CharSequence text) throws IOException {
    if (text instanceof StringBuilder line && pendingHigh == 0 && ascii(line)) {
      return this; // a JSON Lines row, built in a StringBuilder: no String copy of it
    }
    bulk(text == null ? "null" : text.toString());
    return this;
  }

  @Override
  public Writer append(CharSequence text, int start, int end) throws IOException {
    bulk((text == null ? "null" : text).subSequence(start, end).toString());
    return this;
  }

  private void bulk(String text) throws IOException {
    if (pendingHigh == 0 && ascii(text)) {
      return;
    }
    String whole = text;
    if (pendingHigh != 0) {
      // The first half of a surrogate pair came alone through write(int): join it to the rest.
      whole = pendingHigh + text;
      pendingHigh = 0;
    }
    int length = whole.length();
    if (length > 0 && Character.isHighSurrogate(whole.charAt(length - 1))) {
      // Keep a trailing first half until the second half comes with the next write.
      pendingHigh = whole.charAt(length - 1);
      whole = whole.substring(0, length - 1);
    }
    byte[] bytes = whole.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > buffer.length - used) {
      drain();
      if (bytes.length > buffer.length) {
        out.write(bytes);
        return;
      }
    }
    System.arraycopy(bytes, 0, buffer, used, bytes.length);
    used += bytes.length;
  }

  /**
   * Copies an ASCII {@code text} that fits the buffer straight in, with no byte array of its own (a
   * CSV line at a million rows is a million of them); false, with nothing written, otherwise.
   */
  @SuppressWarnings(
      "deprecation") // getBytes(int, int, byte[], int): a plain copy of a Latin-1 string
  private boolean ascii(String text) {
    int length = text.length();
    if (length > buffer.length - used) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (text.charAt(i) > 0x7F) {
        return false;
      }
    }
    // every char is ASCII, so its low byte is its UTF-8 encoding
    text.getBytes(0, length, buffer, used);
    used += length;
    return true;
  }

  /** Like {@link #ascii(String)}, straight from a builder's chars. */
  private boolean ascii(StringBuilder text) {
    int length = text.length();
    if (length > buffer.length - used) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c > 0x7F) {
        return false; // bytes past `used` are not counted: nothing is written
      }
      buffer[used + i] = (byte) c;
    }
    used += length;
    return true;
  }

  @Override
  public Writer append(char c) throws IOException {
    put(c);
    return this;
  }

  private void put(char c) throws IOException {
    if (used > buffer.length - 4) {
      drain();
    }
    if (pendingHigh != 0) {
      char high = pendingHigh;
      pendingHigh = 0;
      if (Character.isLowSurrogate(c)) {
        int code = Character.toCodePoint(high, c);
        buffer[used++] = (byte) (0xF0 | (code >> 18));
        buffer[used++] = (byte) (0x80 | ((code >> 12) & 0x3F));
        buffer[used++] = (byte) (0x80 | ((code >> 6) & 0x3F));
        buffer[used++] = (byte) (0x80 | (code & 0x3F));
        return;
      }
      buffer[used++] = REPLACEMENT;
      put(c);
      return;
    }
    if (c < 0x80) {
      buffer[used++] = (byte) c;
    } else if (c < 0x800) {
      buffer[used++] = (byte) (0xC0 | (c >> 6));
      buffer[used++] = (byte) (0x80 | (c & 0x3F));
    } else if (Character.isHighSurrogate(c)) {
      pendingHigh = c;
    } else if (Character.isLowSurrogate(c)) {
      buffer[used++] = REPLACEMENT;
    } else {
      buffer[used++] = (byte) (0xE0 | (c >> 12));
      buffer[used++] = (byte) (0x80 | ((c >> 6) & 0x3F));
      buffer[used++] = (byte) (0x80 | (c & 0x3F));
    }
  }

  private void drain() throws IOException {
    if (used > 0) {
      int length = used;
      used = 0;
      out.write(buffer, 0, length);
    }
  }

  @Override
  public void flush() throws IOException {
    if (pendingHigh != 0) {
      // A first half with no second half: what the JDK's encoder writes for it.
      pendingHigh = 0;
      put('?');
    }
    drain();
    out.flush();
  }

  @Override
  public void close() throws IOException {
    flush();
  }
}
