package cloud.lightpane.cli.diff;

import cloud.lightpane.cli.render.JsonText;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Row values as compact JSON text: read from a parser, written back, shown to people. Strings are
 * re-quoted the way JSON Lines output quotes them and numbers keep the text they were written with,
 * so that a value compares equal to itself whatever the snapshot's form.
 */
final class JsonValues {
  /** The longest string value a snapshot may hold: larger is a malformed snapshot, not an OOM. */
  static final int MAX_STRING = 1_000_000;

  /** The largest row, in characters of JSON. */
  static final int MAX_ROW = 4_000_000;

  static final JsonFactory FACTORY =
      JsonFactory.builder()
          .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxStringLength(MAX_STRING)
                  .maxNestingDepth(100)
                  .build())
          .build();

  private JsonValues() {}

  /** Appends {@code text} as a JSON string literal. */
  static void quote(StringBuilder out, String text) {
    try {
      JsonText.quote(out, text);
    } catch (IOException e) {
      throw new AssertionError("StringBuilder does not throw", e);
    }
  }

  /** The current value of {@code in} (any token that starts a value) as compact JSON text. */
  static String read(JsonParser in) throws IOException {
    JsonToken token = in.currentToken();
    switch (token) {
      case VALUE_STRING:
        StringBuilder text = new StringBuilder(in.getTextLength() + 2);
        quote(text, in.getText());
        return text.toString();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return in.getText();
      case VALUE_TRUE:
        return "true";
      case VALUE_FALSE:
        return "false";
      case VALUE_NULL:
        return "null";
      case START_OBJECT:
      case START_ARRAY:
        return structure(in);
      default:
        throw new IOException("expected a JSON value, found " + token);
    }
  }

  private static String structure(JsonParser in) throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = FACTORY.createGenerator(text)) {
      int depth = 0;
      do {
        JsonToken token = in.currentToken();
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
          out.writeNumber(in.getText());
        } else {
          out.copyCurrentEvent(in);
        }
        if (token.isStructStart()) {
          depth++;
        } else if (token.isStructEnd()) {
          depth--;
        }
        if (depth == 0) {
          break;
        }
      } while (in.nextToken() != null);
    }
    return text.toString();
  }

  /**
   * Reads the object at the parser's current {@code START_OBJECT} into {@code keys} and {@code
   * values}; the parser is left on its {@code END_OBJECT}.
   */
  static void readObject(JsonParser in, List<String> keys, List<String> values) throws IOException {
    JsonToken token;
    long size = 0;
    while ((token = in.nextToken()) == JsonToken.FIELD_NAME) {
      String key = in.currentName();
      keys.add(key);
      in.nextToken();
      String value = read(in);
      values.add(value);
      size += key.length() + value.length() + 4;
      if (size > MAX_ROW) {
        throw new StreamConstraintsException(
            "a row of more than " + MAX_ROW + " characters, which no discovery result holds");
      }
    }
    if (token != JsonToken.END_OBJECT) {
      throw new IOException("the row ended early");
    }
  }

  /** A row's JSON text (as {@link SnapshotRow#json()} writes it) back as keys and values. */
  static SnapshotRow parseRow(String service, String provider, String region, String json) {
    List<String> keys = new ArrayList<>();
    List<String> values = new ArrayList<>();
    try (JsonParser in = FACTORY.createParser(json)) {
      if (in.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not an object");
      }
      readObject(in, keys, values);
    } catch (IOException e) {
      throw new UncheckedIOException("A row written by this program cannot be read back", e);
    }
    return new SnapshotRow(service, provider, region, keys, values);
  }

  /**
   * A value for people: a string as its text ({@code ""} when empty), anything else as its JSON
   * ({@code 3}, {@code true}, {@code null}); {@code (absent)} when the row has no such key.
   */
  static String display(String json) {
    if (json == null) {
      return "(absent)";
    }
    if (json.length() < 2 || json.charAt(0) != '"') {
      return json;
    }
    if (json.length() == 2) {
      return "\"\"";
    }
    if (json.indexOf('\\') < 0) {
      return json.substring(1, json.length() - 1);
    }
    try (JsonParser in = FACTORY.createParser(json)) {
      in.nextToken();
      return in.getText();
    } catch (IOException e) {
      return json;
    }
  }
}
