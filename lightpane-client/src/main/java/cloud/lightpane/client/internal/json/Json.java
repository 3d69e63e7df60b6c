package cloud.lightpane.client.internal.json;

import cloud.lightpane.client.RowMappingException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

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

  static final ObjectMapper MAPPER =
      JsonMapper.builder(FACTORY)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .build();

  private Json() {}

  /** The factory for streaming parsers. */
  public static JsonFactory factory() {
    return FACTORY;
  }

  /** The shared mapper (thread-safe once configured). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Writes maps, lists and scalars as compact JSON. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      // Only plain maps, lists and scalars get here, which always serialise.
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a value as UTF-8 JSON bytes. */
  public static byte[] writeBytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Converts a row's values to the caller's type. */
  public static <T> T convert(Object values, Class<T> type) {
    try {
      return MAPPER.convertValue(values, type);
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
      return MAPPER.readValue(json, Object.class);
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
    return MAPPER.readValue(body, Object.class);
  }

  static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
