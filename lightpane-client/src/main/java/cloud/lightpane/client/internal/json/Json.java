package cloud.lightpane.client.internal.json;

import cloud.lightpane.client.RowMappingException;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * The one JSON mapper of the client. Jackson stays inside the module: no Jackson type reaches a
 * public signature, and every Jackson error is wrapped where it happens.
 */
public final class Json {
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          // Jackson's default limits (20 MB per string, 1000 digits per number) suit rows; spelled
          // out so that the choice is visible.
          .streamReadConstraints(StreamReadConstraints.builder().build())
          // The caller closes the body, after reading it to its end so the connection is reused.
          .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
          .build();

  /**
   * Databind's mapper, built on first use only: setting it up costs tens of milliseconds at
   * start-up, and writing a request or streaming rows needs only the streaming core.
   */
  private static final class Mapper {
    static final ObjectMapper MAPPER =
        JsonMapper.builder(FACTORY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();
  }

  private Json() {}

  /** The factory for streaming parsers. */
  public static JsonFactory factory() {
    return FACTORY;
  }

  /**
   * A factory like {@link #factory()} whose parsers refuse a string longer than {@code
   * maxStringChars} while reading it (a {@code StreamConstraintsException}), before it fills the
   * heap.
   */
  public static JsonFactory factory(long maxStringChars) {
    int limit = (int) Math.min(Integer.MAX_VALUE, Math.max(1, maxStringChars));
    return FACTORY
        .rebuild()
        .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(limit).build())
        .build();
  }

  /** The shared mapper (thread-safe once configured). */
  public static ObjectMapper mapper() {
    return Mapper.MAPPER;
  }

  /**
   * Writes maps, lists and scalars as compact JSON, with the streaming generator (the same output
   * as databind's, without building the mapper); anything else goes through the mapper.
   */
  public static String write(Object value) {
    if (!plain(value)) {
      try {
        return mapper().writeValueAsString(value);
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      generate(g, value);
    } catch (IOException e) {
      // A StringWriter does not fail; only plain maps, lists and scalars get here.
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Writes a value as UTF-8 JSON bytes. */
  public static byte[] writeBytes(Object value) {
    if (!plain(value)) {
      try {
        return mapper().writeValueAsBytes(value);
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      generate(g, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Whether the streaming generator writes this value exactly as the mapper would. */
  private static boolean plain(Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof Double
        || value instanceof Float
        || value instanceof BigInteger
        || value instanceof BigDecimal) {
      return true;
    }
    if (value instanceof Map) {
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        if (!(e.getKey() instanceof String) || !plain(e.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (value instanceof List) {
      for (Object v : (List<?>) value) {
        if (!plain(v)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static void generate(JsonGenerator g, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof String) {
      g.writeString((String) value);
    } else if (value instanceof Boolean) {
      g.writeBoolean((Boolean) value);
    } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      g.writeNumber(((Number) value).intValue());
    } else if (value instanceof Long) {
      g.writeNumber((Long) value);
    } else if (value instanceof Double) {
      g.writeNumber((Double) value);
    } else if (value instanceof Float) {
      g.writeNumber((Float) value);
    } else if (value instanceof BigInteger) {
      g.writeNumber((BigInteger) value);
    } else if (value instanceof BigDecimal) {
      g.writeNumber((BigDecimal) value);
    } else if (value instanceof Map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        g.writeFieldName((String) e.getKey());
        generate(g, e.getValue());
      }
      g.writeEndObject();
    } else {
      g.writeStartArray();
      for (Object v : (List<?>) value) {
        generate(g, v);
      }
      g.writeEndArray();
    }
  }

  /** Converts a row's values to the caller's type. */
  public static <T> T convert(Object values, Class<T> type) {
    try {
      return mapper().convertValue(values, type);
    } catch (IllegalArgumentException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      String detail =
          cause instanceof JsonProcessingException
              ? ((JsonProcessingException) cause).getOriginalMessage()
              : cause.getMessage();
      throw new RowMappingException(
          "Cannot map a row to " + type.getName() + ": " + firstLine(detail), e);
    }
  }

  /** Parses text given by a user (a request file), with a message that says where it broke. */
  public static Object parseForRequest(String json) {
    if (json == null || json.isBlank()) {
      throw new IllegalArgumentException("Request JSON is empty.");
    }
    try {
      return mapper().readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw new IllegalArgumentException(
          "Request JSON is not valid JSON" + where + ": " + firstLine(e.getOriginalMessage()), e);
    }
  }

  /** Reads a whole small document (a keys response) as maps and lists. */
  public static Object read(byte[] body) throws IOException {
    return mapper().readValue(body, Object.class);
  }

  static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
