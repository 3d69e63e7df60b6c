package cloud.lightpane.stub.discovery;

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
final class RowBytes {

  private static final int BUFFER_SIZE = 1 << 16;
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  // Characters Jackson escapes (quote, backslash, controls) or encodes in more than one byte.
  private static final boolean[] PLAIN = new boolean[128];

  static {
    for (int c = 0x20; c < 128; c++) {
      PLAIN[c] = c != '"' && c != '\\';
    }
  }

  private final JsonFactory factory;
  private final OutputStream out;
  private final byte[] buffer = new byte[BUFFER_SIZE];
  private int position;
  // For values off the fast path: Jackson writes them, and its bytes are copied.
  private ByteArrayOutputStream slowBytes;
  private JsonGenerator slowJson;

  RowBytes(JsonFactory factory, OutputStream out) {
    this.factory = factory;
    this.out = out;
  }

  /**
   * The bytes that open each column of a row: {@code {"first":} and {@code ,"next":}, escaped as
   * Jackson escapes a field name.
   */
  byte[][] fieldPrefixes(List<String> keys) throws IOException {
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

  void raw(byte[] bytes) throws IOException {
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

  void raw(char c) throws IOException {
    if (position == buffer.length) {
      drain();
    }
    buffer[position++] = (byte) c;
  }

  /** A value as {@code JsonGenerator} writes it (see {@code DiscoveryResponseWriter}). */
  void value(Object value) throws IOException {
    if (value == null) {
      raw(NULL);
    } else if (value instanceof String s) {
      string(s);
    } else if (value instanceof Boolean b) {
      raw(b ? TRUE : FALSE);
    } else if (value instanceof Integer i) {
      number(i);
    } else if (value instanceof Long l) {
      number(l);
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

  private void number(long value) throws IOException {
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
    int digits = 1;
    for (long rest = value / 10; rest != 0; rest /= 10) {
      digits++;
    }
    int p = position + digits;
    position = p;
    do {
      buffer[--p] = (byte) ('0' + (int) (value % 10));
      value /= 10;
    } while (value != 0);
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
