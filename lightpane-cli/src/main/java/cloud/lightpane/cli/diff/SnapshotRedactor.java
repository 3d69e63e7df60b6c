package cloud.lightpane.cli.diff;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Copies a snapshot (either form) with the values of some columns replaced by {@link Pseudonyms}
 * and every other byte as it was: only values inside rows are touched (a JSON Lines line's {@code
 * row}, a document's {@code results[].rows[]}), never the service, provider, region, metadata or
 * column lists, and null values stay null.
 */
final class SnapshotRedactor {
  private final Set<String> columns;
  private final Pseudonyms pseudonyms;
  private final Set<String> seen = new LinkedHashSet<>();
  private final String name;

  SnapshotRedactor(String name, Set<String> columns, Pseudonyms pseudonyms) {
    this.name = "-".equals(name) ? "stdin" : name;
    this.columns = columns;
    this.pseudonyms = pseudonyms;
  }

  /** Redacts {@code input} onto {@code output}; malformed input is a {@link SnapshotException}. */
  void redact(InputStream input, OutputStream output) throws IOException {
    SpliceOutput splice = new SpliceOutput(input, output);
    try (JsonParser in = JsonValues.FACTORY.createParser(splice)) {
      try {
        JsonToken token;
        while ((token = in.nextToken()) != null) {
          if (token == JsonToken.FIELD_NAME) {
            splice.copyTo(in.currentTokenLocation().getByteOffset());
            continue;
          }
          JsonStreamContext context = in.getParsingContext();
          if (!token.isScalarValue() && !token.isStructStart()
              || !context.inObject()
              || !columns.contains(context.getCurrentName())
              || !isRow(context)) {
            continue;
          }
          seen.add(context.getCurrentName());
          if (token == JsonToken.VALUE_NULL) {
            continue;
          }
          long start = in.currentTokenLocation().getByteOffset();
          String value = token == JsonToken.VALUE_STRING ? in.getText() : JsonValues.read(in);
          long end = in.currentLocation().getByteOffset();
          splice.copyTo(start);
          output.write(('"' + pseudonyms.of(value) + '"').getBytes(StandardCharsets.US_ASCII));
          splice.dropTo(end);
        }
      } catch (JsonProcessingException e) {
        String what =
            e instanceof StreamConstraintsException
                ? "too large: " + e.getOriginalMessage()
                : "not valid JSON: " + e.getOriginalMessage();
        long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        throw new SnapshotException(name, line, what);
      }
    }
    splice.finish();
  }

  /** The named columns that some row held, for a warning about the others (a typo). */
  Set<String> seen() {
    return seen;
  }

  /**
   * Whether {@code object} (the context of a value) is a row: the {@code row} of a root object, or
   * an element of {@code rows} in an element of a root object's {@code results}.
   */
  private static boolean isRow(JsonStreamContext object) {
    JsonStreamContext parent = object.getParent();
    if (parent == null) {
      return false;
    }
    if (parent.inObject()) {
      return "row".equals(parent.getCurrentName()) && parent.getParent().inRoot();
    }
    JsonStreamContext result = parent.getParent();
    if (!parent.inArray() || result == null || !result.inObject()) {
      return false;
    }
    if (!"rows".equals(result.getCurrentName())) {
      return false;
    }
    JsonStreamContext results = result.getParent();
    if (results == null || !results.inArray()) {
      return false;
    }
    JsonStreamContext document = results.getParent();
    return document != null
        && document.inObject()
        && "results".equals(document.getCurrentName())
        && document.getParent().inRoot();
  }
}
