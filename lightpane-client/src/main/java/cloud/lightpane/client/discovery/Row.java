package cloud.lightpane.client.discovery;

import cloud.lightpane.client.RowMappingException;
import cloud.lightpane.client.internal.json.Json;
import cloud.lightpane.client.internal.json.RowValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One row of a result: column keys to JSON values, in the order the server sent them.
 *
 * <p>A value is whatever JSON the server sent: {@link String}, {@link Integer}, {@link Long} or
 * {@link BigInteger}, {@link Double} (or {@link BigDecimal} for rows built by the caller), {@link
 * Boolean}, null, or for nested values an unmodifiable {@link List} or {@link Map}. The reference
 * data holds only scalars, but any JSON value is accepted.
 *
 * <p>The typed getters convert where the conversion loses nothing (a number sent as the string
 * {@code "128"} is a fine {@link #getLong}), return null for a missing key or a JSON null, and
 * throw {@link IllegalStateException} naming the key and the value's kind otherwise. Rows are
 * immutable.
 */
public final class Row {
  private final Map<String, Object> values;

  private Row(Map<String, Object> values) {
    this.values = values;
  }

  /**
   * A row holding these values, in the map's iteration order. Nested lists and maps are copied into
   * unmodifiable ones.
   *
   * @param values column keys to JSON values (see the class comment for the kinds); copied
   * @return an immutable row
   * @throws NullPointerException if the map is null
   */
  public static Row of(Map<String, ?> values) {
    Objects.requireNonNull(values, "values");
    if (values instanceof RowValues) {
      // Built by the response reader, immutable and with its nested values frozen: adopted as it
      // is, so that a streamed row is built once.
      return new Row((RowValues) values);
    }
    Map<String, Object> copy = new LinkedHashMap<>(values.size() * 2);
    values.forEach((k, v) -> copy.put(k, freeze(v)));
    return new Row(Collections.unmodifiableMap(copy));
  }

  private static Object freeze(Object value) {
    if (value instanceof Map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      ((Map<?, ?>) value).forEach((k, v) -> copy.put(String.valueOf(k), freeze(v)));
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List) {
      List<Object> copy = new ArrayList<>();
      for (Object v : (List<?>) value) {
        copy.add(freeze(v));
      }
      return Collections.unmodifiableList(copy);
    }
    return value;
  }

  /**
   * The raw value of a column.
   *
   * @param key the column key, such as {@code instance_id}
   * @return the value as parsed (see the class comment), or null when the row has no such key or
   *     holds JSON null
   */
  public Object get(String key) {
    return values.get(key);
  }

  /**
   * Whether the row has a column, which tells a JSON null from a missing key.
   *
   * @param key the column key
   * @return true if the row has the key, even with a null value
   */
  public boolean has(String key) {
    return values.containsKey(key);
  }

  /**
   * The value as text: a string as it is, a number or boolean in its JSON form, a nested value as
   * JSON text; null for a missing key or JSON null.
   *
   * @param key the column key
   * @return the text, or null
   */
  public String getString(String key) {
    Object v = values.get(key);
    if (v == null || v instanceof String) {
      return (String) v;
    }
    if (v instanceof Map || v instanceof List) {
      return Json.write(v);
    }
    if (v instanceof BigDecimal) {
      return ((BigDecimal) v).toPlainString();
    }
    return String.valueOf(v);
  }

  /**
   * The value as a whole number: an integral JSON number or a string holding one.
   *
   * @param key the column key
   * @return the number, or null for a missing key or JSON null
   * @throws IllegalStateException if the value is of another kind, has a fraction, or does not fit
   *     in a long
   */
  public Long getLong(String key) {
    Object v = values.get(key);
    if (v == null) {
      return null;
    }
    try {
      if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
        return ((Number) v).longValue();
      }
      if (v instanceof Number) {
        return new BigDecimal(v.toString()).longValueExact();
      }
      if (v instanceof String) {
        return new BigDecimal(((String) v).strip()).longValueExact();
      }
    } catch (ArithmeticException | NumberFormatException e) {
      // fall through to the message below
    }
    throw notA("a whole number", key, v);
  }

  /**
   * The value as an int; see {@link #getLong(String)}.
   *
   * @param key the column key
   * @return the number, or null for a missing key or JSON null
   * @throws IllegalStateException if the value is not a whole number within the range of an int
   */
  public Integer getInt(String key) {
    Long v = getLong(key);
    if (v == null) {
      return null;
    }
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw notA("a whole number within the range of an int", key, values.get(key));
    }
    return v.intValue();
  }

  /**
   * The value as a double: any JSON number or a string holding one.
   *
   * @param key the column key
   * @return the number, or null for a missing key or JSON null
   * @throws IllegalStateException if the value is of another kind
   */
  public Double getDouble(String key) {
    Object v = values.get(key);
    if (v == null) {
      return null;
    }
    if (v instanceof Number) {
      return ((Number) v).doubleValue();
    }
    if (v instanceof String) {
      try {
        return Double.valueOf(((String) v).strip());
      } catch (NumberFormatException e) {
        // fall through to the message below
      }
    }
    throw notA("a number", key, v);
  }

  /**
   * The value as a boolean: a JSON boolean, or the string {@code true} or {@code false} in any
   * case.
   *
   * @param key the column key
   * @return the boolean, or null for a missing key or JSON null
   * @throws IllegalStateException if the value is of another kind
   */
  public Boolean getBoolean(String key) {
    Object v = values.get(key);
    if (v == null || v instanceof Boolean) {
      return (Boolean) v;
    }
    if (v instanceof String) {
      String s = ((String) v).strip();
      if (s.equalsIgnoreCase("true")) {
        return Boolean.TRUE;
      }
      if (s.equalsIgnoreCase("false")) {
        return Boolean.FALSE;
      }
    }
    throw notA("a boolean", key, v);
  }

  private static IllegalStateException notA(String what, String key, Object value) {
    String shown = value instanceof String ? '"' + abbreviate((String) value) + '"' : kindOf(value);
    return new IllegalStateException("Column '" + key + "' holds " + shown + ", not " + what + ".");
  }

  private static String kindOf(Object value) {
    if (value instanceof Map) {
      return "a JSON object";
    }
    if (value instanceof List) {
      return "a JSON array";
    }
    return abbreviate(String.valueOf(value));
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }

  /** {@return all values by key, in the order the server sent them}; unmodifiable. */
  public Map<String, Object> asMap() {
    return values;
  }

  /** {@return the keys, in the order the server sent them}; unmodifiable. */
  public Set<String> keys() {
    return values.keySet();
  }

  /**
   * Converts the row to the caller's class or record, matching JSON keys to property names ({@code
   * instance_id} to a component or field named {@code instance_id}, or one annotated with the JSON
   * mapper's property name). Keys without a matching property are ignored; properties without a key
   * get their default value. Strings holding numbers convert to number fields.
   *
   * <pre>{@code
   * record Instance(String name, String instance_id, String state) {}
   * Instance i = row.as(Instance.class);
   * }</pre>
   *
   * <p>In a modular application, the package of {@code type} must be open to {@code
   * com.fasterxml.jackson.databind}.
   *
   * @param <T> the class to build
   * @param type a class or record with a property per key of interest
   * @return a new instance holding the row's values
   * @throws RowMappingException if a value does not fit its property or the class cannot be built
   */
  public <T> T as(Class<T> type) {
    return Json.convert(values, type);
  }

  /** {@return the row as the text of a JSON object, keys in order} */
  public String toJson() {
    return Json.write(values);
  }

  /**
   * The JSON text of one value ({@code "web-1"}, {@code 42}, {@code null}, {@code {"a":1}}); null
   * when the row has no such key. Useful for nested values.
   *
   * @param key the column key
   * @return the value's JSON text, {@code null} (the text) for a JSON null, or null for no key
   */
  public String valueAsJson(String key) {
    return values.containsKey(key) ? Json.write(values.get(key)) : null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Row && ((Row) o).values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /** The row as JSON. */
  @Override
  public String toString() {
    return toJson();
  }
}
