package cloud.lightpane.cli.shape;

import cloud.lightpane.client.discovery.Row;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes rows to a sort run and reads them back exactly (every key, in order; numbers keep their
 * type and digits), in a small tagged binary form: no JSON text to parse again on the way back.
 */
final class RowCodec {
  private static final int NULL = 0;
  private static final int STRING = 1;
  private static final int LONG = 2;
  private static final int BIG_INTEGER = 3;
  private static final int BIG_DECIMAL = 4;
  private static final int DOUBLE = 5;
  private static final int TRUE = 6;
  private static final int FALSE = 7;
  private static final int LIST = 8;
  private static final int MAP = 9;

  private RowCodec() {}

  static void write(DataOutputStream out, Row row) throws IOException {
    writeMap(out, row.asMap());
  }

  static Row read(DataInputStream in) throws IOException {
    return Row.of(readMap(in));
  }

  private static void writeMap(DataOutputStream out, Map<?, ?> map) throws IOException {
    out.writeInt(map.size());
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      writeString(out, String.valueOf(entry.getKey()));
      writeValue(out, entry.getValue());
    }
  }

  private static Map<String, Object> readMap(DataInputStream in) throws IOException {
    int size = in.readInt();
    Map<String, Object> map = new LinkedHashMap<>(size * 2);
    for (int i = 0; i < size; i++) {
      String key = readString(in);
      map.put(key, readValue(in));
    }
    return map;
  }

  private static void writeValue(DataOutputStream out, Object value) throws IOException {
    if (value == null) {
      out.writeByte(NULL);
    } else if (value instanceof String text) {
      out.writeByte(STRING);
      writeString(out, text);
    } else if (value instanceof Long || value instanceof Integer) {
      out.writeByte(LONG);
      out.writeLong(((Number) value).longValue());
    } else if (value instanceof BigInteger integer) {
      out.writeByte(BIG_INTEGER);
      writeString(out, integer.toString());
    } else if (value instanceof BigDecimal decimal) {
      out.writeByte(BIG_DECIMAL);
      writeString(out, decimal.toString());
    } else if (value instanceof Number number) {
      out.writeByte(DOUBLE);
      out.writeDouble(number.doubleValue());
    } else if (value instanceof Boolean bool) {
      out.writeByte(bool ? TRUE : FALSE);
    } else if (value instanceof List<?> list) {
      out.writeByte(LIST);
      out.writeInt(list.size());
      for (Object item : list) {
        writeValue(out, item);
      }
    } else if (value instanceof Map<?, ?> map) {
      out.writeByte(MAP);
      writeMap(out, map);
    } else {
      out.writeByte(STRING);
      writeString(out, value.toString());
    }
  }

  private static Object readValue(DataInputStream in) throws IOException {
    int tag = in.readByte();
    switch (tag) {
      case NULL:
        return null;
      case STRING:
        return readString(in);
      case LONG:
        return in.readLong();
      case BIG_INTEGER:
        return new BigInteger(readString(in));
      case BIG_DECIMAL:
        return new BigDecimal(readString(in));
      case DOUBLE:
        return in.readDouble();
      case TRUE:
        return Boolean.TRUE;
      case FALSE:
        return Boolean.FALSE;
      case LIST:
        int size = in.readInt();
        List<Object> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
          list.add(readValue(in));
        }
        return list;
      case MAP:
        return readMap(in);
      default:
        throw new IOException("Sort run damaged: unknown value tag " + tag);
    }
  }

  private static void writeString(DataOutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(DataInputStream in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
