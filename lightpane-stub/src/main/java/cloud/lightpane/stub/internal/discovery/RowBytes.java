package cloud.lightpane.stub.internal.discovery;

import cloud.lightpane.stub.inventory.RowSink;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes the rows of one result as JSON bytes, byte for byte what Jackson's generator writes for
 * them, at a fraction of its cost: each column's {@code ,"key":} is encoded once, and the values
 * that make up nearly every row (plain ASCII strings, integers, booleans, null) are copied straight
 * into a buffer. Any other value is written by Jackson itself, so the rare case stays exact.
 */
final class RowBytes implements RowSink {

  private static final int BUFFER_SIZE = 1 << 16;
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  // Characters Jackson escapes (quote, backslash, controls) or encodes in more than one byte.
  private static final boolean[] PLAIN = new boolean[128];
  private static final byte[] HEX = {
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'
  };

  static {
    for (int c = 0x20; c < 128; c++) {
      PLAIN[c] = c != '"' && c != '\\';
    }
  }

  private final JsonFactory factory;
  private final OutputStream out;
  private final byte[] buffer = new byte[BUFFER_SIZE];
  private int position;
  private byte[][] prefixes = new byte[0][];
  private boolean firstRow = true;
  private int column;
  // Prefixes found to need no escaping, by identity: a result uses a handful, over and over.
  private final String[] plainPrefixes = new String[16];
  private int nextPlainPrefix;
  // For values off the fast path: Jackson writes them, and its bytes are copied.
  private ByteArrayOutputStream slowBytes;
  private JsonGenerator slowJson;

  RowBytes(JsonFactory factory, OutputStream out) {
    this.factory = factory;
    this.out = out;
  }

  /** Starts the rows of a result (inside its {@code [ ]}) with these columns. */
  void startRows(List<String> keys) throws IOException {
    prefixes = fieldPrefixes(keys);
    firstRow = true;
  }

  @Override
  public void startRow() throws IOException {
    if (!firstRow) {
      raw(',');
    }
    firstRow = false;
    column = 0;
  }

  @Override
  public void endRow() throws IOException {
    if (prefixes.length == 0) {
      raw('{');
    }
    raw('}');
  }

  private void nextColumn() throws IOException {
    raw(prefixes[column++]);
  }

  @Override
  public void value(Object value) throws IOException {
    nextColumn();
    write(value);
  }

  @Override
  public void number(long value) throws IOException {
    nextColumn();
    digits(value);
  }

  @Override
  public void bool(boolean value) throws IOException {
    nextColumn();
    raw(value ? TRUE : FALSE);
  }

  @Override
  public void string(String prefix, long number) throws IOException {
    if (number < 0 || !plain(prefix)) {
      value(prefix + number);
      return;
    }
    nextColumn();
    if (buffer.length - position < prefix.length() + 22) {
      drain();
    }
    buffer[position++] = '"';
    prefix.getBytes(0, prefix.length(), buffer, position);
    position += prefix.length();
    digits(number);
    buffer[position++] = '"';
  }

  @Override
  public void hexString(String prefix, long bits, int digits) throws IOException {
    if (!plain(prefix) || digits < 0 || digits > 16) {
      StringBuilder text = new StringBuilder(prefix);
      for (int i = digits - 1; i >= 0; i--) {
        text.append((char) HEX[(int) (bits >>> (4 * i)) & 0xF]);
      }
      value(text.toString());
      return;
    }
    nextColumn();
    if (buffer.length - position < prefix.length() + digits + 2) {
      drain();
    }
    buffer[position++] = '"';
    prefix.getBytes(0, prefix.length(), buffer, position);
    position += prefix.length();
    for (int i = digits - 1; i >= 0; i--) {
      buffer[position++] = HEX[(int) (bits >>> (4 * i)) & 0xF];
    }
    buffer[position++] = '"';
  }

  /** Whether Jackson writes this string as it is, one byte per character, and it fits a buffer. */
  private boolean plain(String s) {
    for (String known : plainPrefixes) {
      if (known == s) {
        return true;
      }
    }
    int length = s.length();
    if (length > buffer.length / 4) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (c >= 128 || !PLAIN[c]) {
        return false;
      }
    }
    plainPrefixes[nextPlainPrefix] = s;
    nextPlainPrefix = (nextPlainPrefix + 1) & (plainPrefixes.length - 1);
    return true;
  }

  /**
   * The bytes that open each column of a row: {@code {"first":} and {@code ,"next":}, escaped as
   * Jackson escapes a field name.
   */
  private byte[][] fieldPrefixes(List<String> keys) throws IOException {
    byte[][] prefixes = new byte[keys.size()][];
    for (int c = 0; c < prefixes.length; c++) {
      byte[] quoted = jackson(keys.get(c));
      byte[] prefix = new byte[quoted.length + 2];
      prefix[0] = (byte) (c == 0 ? '{' : ',');
      System.arraycopy(quoted, 0, prefix, 1, quoted.length);
      prefix[prefix.length - 1] = ':';
      prefixes[c] = prefix;
    }
    return prefixes;
  }

  private void raw(byte[] bytes) throws IOException {
    if (bytes.length > buffer.length - position) {
      drain();
      if (bytes.length > buffer.length) {
        out.write(bytes);
        return;
      }
    }
    System.arraycopy(bytes, 0, buffer, position, bytes.length);
    position += bytes.length;
  }

  private void raw(char c) throws IOException {
    if (position == buffer.length) {
      drain();
    }
    buffer[position++] = (byte) c;
  }

  /** A value as {@code JsonGenerator} writes it (see {@code DiscoveryResponseWriter}). */
  private void write(Object value) throws IOException {
    if (value == null) {
      raw(NULL);
    } else if (value instanceof String s) {
      string(s);
    } else if (value instanceof Boolean b) {
      raw(b ? TRUE : FALSE);
    } else if (value instanceof Integer i) {
      digits(i);
    } else if (value instanceof Long l) {
      digits(l);
    } else {
      raw(jackson(value));
    }
  }

  private void string(String s) throws IOException {
    int length = s.length();
    if (length > buffer.length / 2) {
      raw(jackson(s));
      return;
    }
    if (length + 2 > buffer.length - position) {
      drain();
    }
    int start = position;
    byte[] b = buffer;
    int p = start;
    b[p++] = '"';
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (c >= 128 || !PLAIN[c]) {
        // Escapes and multi-byte characters: Jackson's rules, Jackson's bytes.
        position = start;
        raw(jackson(s));
        return;
      }
      b[p++] = (byte) c;
    }
    b[p++] = '"';
    position = p;
  }

  private void digits(long value) throws IOException {
    if (value == Long.MIN_VALUE) {
      raw(jackson(value));
      return;
    }
    if (buffer.length - position < 20) {
      drain();
    }
    if (value < 0) {
      buffer[position++] = '-';
      value = -value;
    }
    if (value <= Integer.MAX_VALUE) {
      // Nearly every number fits an int, and int division costs a fraction of long division.
      smallDigits((int) value);
      return;
    }
    int digits = 10;
    for (long bound = 10_000_000_000L; digits < 19 && value >= bound; bound *= 10) {
      digits++;
    }
    int p = position + digits;
    position = p;
    while (value > Integer.MAX_VALUE) {
      buffer[--p] = (byte) ('0' + (int) (value % 10));
      value /= 10;
    }
    int rest = (int) value;
    do {
      buffer[--p] = (byte) ('0' + rest % 10);
      rest /= 10;
    } while (rest != 0);
  }

  private void smallDigits(int value) {
    int digits = 1;
    for (int bound = 10; digits < 10 && value >= bound; bound *= 10) {
      digits++;
    }
    int p = position + digits;
    position = p;
    while (value >= 100) {
      int pair = value % 100;
      value /= 100;
      buffer[--p] = (byte) ('0' + pair % 10);
      buffer[--p] = (byte) ('0' + pair / 10);
    }
    buffer[--p] = (byte) ('0' + value % 10);
    if (value >= 10) {
      buffer[--p] = (byte) ('0' + value / 10);
    }
  }

  /** Hands the buffered bytes to the stream (without flushing it). */
  void drain() throws IOException {
    if (position > 0) {
      out.write(buffer, 0, position);
      position = 0;
    }
  }

  private byte[] jackson(Object value) throws IOException {
    if (slowJson == null) {
      slowBytes = new ByteArrayOutputStream();
      slowJson = factory.createGenerator(slowBytes);
      // Each value stands alone: no space between them.
      slowJson.setRootValueSeparator(null);
    }
    if (value instanceof String s) {
      slowJson.writeString(s);
    } else {
      DiscoveryResponseWriter.writeValue(slowJson, value);
    }
    slowJson.flush();
    byte[] bytes = slowBytes.toByteArray();
    slowBytes.reset();
    return bytes;
  }
}
