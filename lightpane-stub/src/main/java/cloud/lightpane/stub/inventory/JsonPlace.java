package cloud.lightpane.stub.inventory;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A place inside a catalogue or fixture file, for messages such as {@code ec2.json:
 * $.rows[2].region: ...}, and the checks that read a value there.
 */
final class JsonPlace {
  private final String source;
  private final JsonPlace parent;
  private final String name;
  private final int index;

  private JsonPlace(String source, JsonPlace parent, String name, int index) {
    this.source = source;
    this.parent = parent;
    this.name = name;
    this.index = index;
  }

  /** The whole document ({@code $}) of this file or resource. */
  JsonPlace(String source) {
    this(source, null, null, -1);
  }

  JsonPlace field(String field) {
    return new JsonPlace(source, this, field, -1);
  }

  JsonPlace index(int i) {
    return new JsonPlace(source, this, null, i);
  }

  /** The JSON path, built only for a message: places are made for every value read. */
  String path() {
    if (parent == null) {
      return "$";
    }
    if (name == null) {
      return parent.path() + "[" + index + "]";
    }
    return parent.path()
        + (name.matches("[A-Za-z_][A-Za-z0-9_]*")
            ? "." + name
            : "['" + name.replace("'", "\\'") + "']");
  }

  FixtureException error(String problem) {
    return new FixtureException(source + ": " + path() + ": " + problem);
  }

  /** The value as an object holding only these fields (each optional). */
  @SuppressWarnings("unchecked")
  Map<String, Object> object(Object value, String... fields) {
    if (!(value instanceof Map)) {
      throw error("must be a JSON object, not " + describe(value));
    }
    Map<String, Object> object = (Map<String, Object>) value;
    for (String field : object.keySet()) {
      if (!oneOf(field, fields)) {
        throw field(field).error("unknown field; expected one of " + List.of(fields));
      }
    }
    return object;
  }

  private static boolean oneOf(String field, String[] fields) {
    for (String known : fields) {
      if (known.equals(field)) {
        return true;
      }
    }
    return false;
  }

  /** A non-blank string field of an object read at this place; null when absent and optional. */
  String text(Map<String, Object> object, String field, boolean required) {
    Object value = object.get(field);
    if (value == null) {
      if (required) {
        throw field(field).error("required");
      }
      return null;
    }
    if (!(value instanceof String text) || text.isBlank()) {
      throw field(field).error("must be a non-empty string, not " + describe(value));
    }
    return text;
  }

  /** The value at this place as a list of non-blank strings. */
  List<String> strings(Object value) {
    if (!(value instanceof List<?> list)) {
      throw error("must be a list of strings");
    }
    List<String> result = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Object item = list.get(i);
      if (!(item instanceof String text) || text.isBlank()) {
        throw index(i).error("must be a non-empty string, not " + describe(item));
      }
      result.add(text);
    }
    return result;
  }

  /** What a value is, for messages: {@code object {"a": 1}}, {@code number 3}. */
  static String describe(Object value) {
    String kind;
    String text;
    if (value == null) {
      kind = "null";
      text = "null";
    } else if (value instanceof Map<?, ?> || value instanceof List<?>) {
      kind = value instanceof Map<?, ?> ? "object" : "array";
      text = String.valueOf(value);
    } else if (value instanceof String s) {
      kind = "string";
      text = "\"" + s + "\"";
    } else if (value instanceof Boolean) {
      kind = "boolean";
      text = value.toString();
    } else {
      kind =
          value instanceof BigDecimal || value instanceof BigInteger || value instanceof Long
              ? "number"
              : value.getClass().getSimpleName();
      text = value.toString();
    }
    return kind + " " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
  }
}
