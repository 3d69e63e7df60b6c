package cloud.lightpane.client.internal.json;

import cloud.lightpane.client.discovery.Column;
import cloud.lightpane.client.discovery.DiscoveryHandler;
import cloud.lightpane.client.discovery.DiscoveryResponse;
import cloud.lightpane.client.discovery.Provider;
import cloud.lightpane.client.discovery.ResultMetadata;
import cloud.lightpane.client.discovery.Row;
import cloud.lightpane.client.discovery.ServiceResult;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a discovery response token by token, handing over each result's metadata and columns, then
 * its rows one at a time, so that memory stays flat whatever the number of rows. The non-streaming
 * {@code discover} collects through the same reader.
 */
public final class DiscoveryReader {

  /** What the reader hands over; a richer {@link DiscoveryHandler} that also sees extra fields. */
  public interface Listener {
    /** A result begins. */
    void onResultStart(ResultMetadata metadata, List<Column> columns);

    /** One row. */
    void onRow(Row row);

    /** The result ended; {@code extra} holds its fields this client does not know. */
    void onResultEnd(ResultMetadata metadata, Map<String, Object> extra);

    /** A top-level field other than {@code results}. */
    default void onTopLevel(String name, Object value) {}
  }

  private final Function<String, RuntimeException> wrongShape;
  private final JsonFactory factory;
  private final long maxValueChars;

  /**
   * A reader.
   *
   * @param wrongShape makes the exception for a document of the wrong shape, from a description of
   *     the problem
   * @param factory the parser factory, whose limits include {@code maxValueChars} per string
   * @param maxValueChars the most characters a single value, or a whole row, may hold; more is
   *     refused with {@link ValueTooLargeException} while it is read
   */
  public DiscoveryReader(
      Function<String, RuntimeException> wrongShape, JsonFactory factory, long maxValueChars) {
    this.wrongShape = wrongShape;
    this.factory = factory;
    this.maxValueChars = maxValueChars;
  }

  /** Adapts a caller's handler. */
  public static Listener listener(DiscoveryHandler handler) {
    return new Listener() {
      @Override
      public void onResultStart(ResultMetadata metadata, List<Column> columns) {
        handler.onResultStart(metadata, columns);
      }

      @Override
      public void onRow(Row row) {
        handler.onRow(row);
      }

      @Override
      public void onResultEnd(ResultMetadata metadata, Map<String, Object> extra) {
        handler.onResultEnd(metadata);
      }
    };
  }

  /** Reads the whole document into a {@link DiscoveryResponse}. */
  public DiscoveryResponse readAll(InputStream in) throws IOException {
    List<ServiceResult> results = new ArrayList<>();
    Map<String, Object> extra = new LinkedHashMap<>();
    read(
        in,
        new Listener() {
          private List<Column> columns;
          private List<Row> rows;

          @Override
          public void onResultStart(ResultMetadata metadata, List<Column> columns) {
            this.columns = columns;
            this.rows = new ArrayList<>();
          }

          @Override
          public void onRow(Row row) {
            rows.add(row);
          }

          @Override
          public void onResultEnd(ResultMetadata metadata, Map<String, Object> more) {
            results.add(new ServiceResult(metadata, columns, rows, more));
          }

          @Override
          public void onTopLevel(String name, Object value) {
            extra.put(name, value);
          }
        });
    return new DiscoveryResponse(results, extra);
  }

  /** Reads the document, handing pieces to the listener as they are parsed. */
  public void read(InputStream in, Listener listener) throws IOException {
    try (JsonParser p = factory.createParser(in)) {
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw wrongShape.apply(
            first == null
                ? "the body is empty"
                : "it is not a JSON object (" + describe(first) + ")");
      }
      boolean sawResults = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        if (name.equals("results")) {
          if (t != JsonToken.START_ARRAY) {
            throw wrongShape.apply("'results' is " + describe(t) + ", not an array");
          }
          int index = 0;
          while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
              throw wrongShape.apply(
                  "results[" + index + "] is " + describe(p.currentToken()) + ", not an object");
            }
            readResult(p, index++, listener);
          }
          sawResults = true;
        } else {
          listener.onTopLevel(name, value(p));
        }
      }
      if (!sawResults) {
        throw wrongShape.apply("it has no 'results' array");
      }
    }
  }

  private void readResult(JsonParser p, int index, Listener listener) throws IOException {
    Map<String, Object> metadataFields = null;
    List<Column> columns = null;
    ResultMetadata metadata = null;
    List<Row> early = null; // rows seen before metadata and columns
    long rows = 0;
    Map<String, Object> extra = new LinkedHashMap<>();
    RowBuilder builder = new RowBuilder(maxValueChars);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      switch (name) {
        case "metadata":
          if (t == JsonToken.START_OBJECT) {
            metadataFields = object(p);
          } else if (t != JsonToken.VALUE_NULL) {
            throw wrongShape.apply("results[" + index + "].metadata is " + describe(t));
          }
          break;
        case "columns":
          columns = columns(p, index);
          break;
        case "rows":
          if (t == JsonToken.VALUE_NULL) {
            break;
          }
          if (t != JsonToken.START_ARRAY) {
            throw wrongShape.apply("results[" + index + "].rows is " + describe(t));
          }
          while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
              throw wrongShape.apply(
                  "row "
                      + rows
                      + " of results["
                      + index
                      + "] is "
                      + describe(p.currentToken())
                      + ", not an object");
            }
            Row row = Row.of(builder.read(p));
            rows++;
            if (metadata == null && metadataFields != null && columns != null) {
              metadata = metadata(metadataFields, -1);
              listener.onResultStart(metadata, columns);
            }
            if (metadata != null) {
              listener.onRow(row);
            } else {
              if (early == null) {
                early = new ArrayList<>();
              }
              early.add(row);
            }
          }
          break;
        default:
          extra.put(name, value(p));
      }
    }
    if (metadata == null) {
      metadata = metadata(metadataFields == null ? Map.of() : metadataFields, rows);
      listener.onResultStart(metadata, columns == null ? List.of() : columns);
      if (early != null) {
        for (Row row : early) {
          listener.onRow(row);
        }
      }
    }
    listener.onResultEnd(metadata, extra);
  }

  private List<Column> columns(JsonParser p, int index) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.START_ARRAY) {
      throw wrongShape.apply("results[" + index + "].columns is " + describe(t));
    }
    List<Column> columns = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      Object c = value(p);
      if (c instanceof String) {
        columns.add(new Column((String) c, null));
      } else if (c instanceof Map && ((Map<?, ?>) c).get("key") instanceof String) {
        Map<?, ?> m = (Map<?, ?>) c;
        Object label = m.get("label");
        columns.add(
            new Column((String) m.get("key"), label == null ? null : String.valueOf(label)));
      } else {
        throw wrongShape.apply(
            "column " + columns.size() + " of results[" + index + "] has no 'key'");
      }
    }
    return List.copyOf(columns);
  }

  /** The metadata; {@code rowsSeen} (or -1 if unknown) stands in for a missing count. */
  private static ResultMetadata metadata(Map<String, Object> fields, long rowsSeen) {
    Map<String, Object> extra = new LinkedHashMap<>(fields);
    String service = text(extra.remove("service"));
    String label = text(extra.remove("service_label"));
    String provider = text(extra.remove("provider"));
    String region = text(extra.remove("region"));
    Object count = extra.remove("count");
    Object timestamp = extra.remove("timestamp");
    long n = count instanceof Number ? ((Number) count).longValue() : Math.max(rowsSeen, 0);
    Instant when = null;
    if (timestamp instanceof String) {
      try {
        when = Instant.parse((String) timestamp);
      } catch (DateTimeParseException e) {
        extra.put("timestamp", timestamp); // keep what the server said, readable
      }
    }
    return new ResultMetadata(
        service,
        label,
        provider == null || provider.isBlank() ? null : Provider.of(provider),
        region,
        n,
        when,
        extra);
  }

  private static String text(Object v) {
    return v == null ? null : String.valueOf(v);
  }

  /** Reads the object at the current START_OBJECT, scalars without going through the mapper. */
  private static Map<String, Object> object(JsonParser p) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      p.nextToken();
      m.put(key, value(p));
    }
    return m;
  }

  private static Object value(JsonParser p) throws IOException {
    switch (p.currentToken()) {
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return p.getNumberValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      case START_OBJECT:
        return object(p);
      case START_ARRAY:
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(value(p));
        }
        return list;
      default:
        throw new IllegalStateException("Unexpected JSON token " + p.currentToken());
    }
  }

  /**
   * Reads rows into {@link RowValues}, reusing the keys of the previous row while the rows keep the
   * same keys in the same order, so that each row is built once, as one array.
   */
  private static final class RowBuilder {
    private final long limit;
    private RowValues.Shape shape = new RowValues.Shape(new String[0]);
    private String[] keys = new String[16];
    private Object[] values = new Object[16];
    private long size;

    RowBuilder(long limit) {
      this.limit = limit;
    }

    /** Reads the object at the current START_OBJECT. */
    RowValues read(JsonParser p) throws IOException {
      String[] known = shape.keys;
      boolean same = true;
      int n = 0;
      size = 0;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        count(key.length());
        p.nextToken();
        if (n == keys.length) {
          keys = Arrays.copyOf(keys, n * 2);
          values = Arrays.copyOf(values, n * 2);
        }
        same = same && n < known.length && key.equals(known[n]);
        keys[n] = key;
        values[n] = value(p);
        n++;
      }
      if (same && n == known.length) {
        return new RowValues(shape, Arrays.copyOf(values, n));
      }
      // A new shape: later duplicates of a key replace its value in the first one's place, as a
      // map would have it.
      Map<String, Object> m = new LinkedHashMap<>(n * 2);
      for (int i = 0; i < n; i++) {
        m.put(keys[i], values[i]);
      }
      shape = new RowValues.Shape(m.keySet().toArray(new String[0]));
      return new RowValues(shape, m.values().toArray());
    }

    /**
     * A value inside a row, nested objects and arrays unmodifiable as {@link Row#of} makes them,
     * its strings and keys counted against the row's limit.
     */
    private Object value(JsonParser p) throws IOException {
      switch (p.currentToken()) {
        case VALUE_STRING:
          count(p.getTextLength());
          return p.getText();
        case START_OBJECT:
          Map<String, Object> m = new LinkedHashMap<>();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            count(key.length());
            p.nextToken();
            m.put(key, value(p));
          }
          return Collections.unmodifiableMap(m);
        case START_ARRAY:
          List<Object> list = new ArrayList<>();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            count(1);
            list.add(value(p));
          }
          return Collections.unmodifiableList(list);
        default:
          count(1);
          return DiscoveryReader.value(p);
      }
    }

    private void count(long chars) throws ValueTooLargeException {
      size += chars;
      if (size > limit) {
        throw new ValueTooLargeException("row", size, limit);
      }
    }
  }

  private static String describe(JsonToken t) {
    if (t == null) {
      return "missing";
    }
    switch (t) {
      case START_ARRAY:
        return "an array";
      case START_OBJECT:
        return "an object";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      case VALUE_NULL:
        return "null";
      default:
        return t.toString();
    }
  }
}
