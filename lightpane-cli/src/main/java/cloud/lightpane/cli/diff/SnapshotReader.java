package cloud.lightpane.cli.diff;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a snapshot in either form {@code lightpane discover} writes, telling them apart by their
 * first field: JSON Lines ({@code -o jsonl}: one {@code {"service", "provider", "region", "row"}}
 * object per row) or the API's document ({@code -o json}: {@code {"results": [{"metadata",
 * "columns", "rows"}]}}). Rows are handed over one at a time, so a snapshot of any size is read in
 * flat memory. Anything else is a {@link SnapshotException} that names the line and what was wrong.
 */
final class SnapshotReader {
  /** Receives the rows of a snapshot, in the snapshot's order. */
  interface Sink {
    void row(SnapshotRow row) throws IOException;
  }

  private final String name;
  private final Sink sink;

  /**
   * @param name the file as the user named it, for messages ({@code -} reads as {@code stdin})
   */
  SnapshotReader(String name, Sink sink) {
    this.name = "-".equals(name) ? "stdin" : name;
    this.sink = sink;
  }

  /** Reads every row of {@code input}; does not close it. */
  void read(InputStream input) throws IOException {
    try (JsonParser in = JsonValues.FACTORY.createParser(input)) {
      try {
        JsonToken token;
        while ((token = in.nextToken()) != null) {
          if (token != JsonToken.START_OBJECT) {
            throw malformed(in, "expected a JSON object, found " + describe(token));
          }
          readRoot(in);
        }
      } catch (JsonProcessingException e) {
        long line = e.getLocation() == null ? in.currentLocation().getLineNr() : lineOf(e);
        String what =
            e instanceof StreamConstraintsException
                ? "too large: " + e.getOriginalMessage()
                : "not valid JSON: " + e.getOriginalMessage();
        throw new SnapshotException(name, line, what);
      }
    }
  }

  private static long lineOf(JsonProcessingException e) {
    return e.getLocation().getLineNr();
  }

  /** One root object: a JSON Lines row or a whole document, told apart by its first field. */
  private void readRoot(JsonParser in) throws IOException {
    long line = in.currentTokenLocation().getLineNr();
    JsonToken token = in.nextToken();
    if (token == JsonToken.END_OBJECT) {
      throw new SnapshotException(name, line, NEITHER);
    }
    String first = in.currentName();
    if (isLineField(first)) {
      readLine(in, line);
    } else {
      readDocument(in, line);
    }
  }

  private static boolean isLineField(String field) {
    return "service".equals(field)
        || "provider".equals(field)
        || "region".equals(field)
        || "row".equals(field);
  }

  private static final String NEITHER =
      "neither a line of 'discover -o jsonl' ({\"service\", \"provider\", \"region\", \"row\"})"
          + " nor a 'discover -o json' document ({\"results\": [...]})";

  /** A JSON Lines row; the parser is on the first field name. */
  private void readLine(JsonParser in, long line) throws IOException {
    String service = null;
    String provider = null;
    String region = null;
    List<String> keys = null;
    List<String> values = null;
    boolean seenService = false;
    boolean seenProvider = false;
    boolean seenRegion = false;
    do {
      String field = in.currentName();
      JsonToken value = in.nextToken();
      switch (field) {
        case "service" -> {
          service = text(in, value, "service");
          seenService = true;
        }
        case "provider" -> {
          provider = text(in, value, "provider");
          seenProvider = true;
        }
        case "region" -> {
          region = text(in, value, "region");
          seenRegion = true;
        }
        case "row" -> {
          if (value != JsonToken.START_OBJECT) {
            throw malformed(in, "\"row\" must be a JSON object, found " + describe(value));
          }
          keys = new ArrayList<>();
          values = new ArrayList<>();
          JsonValues.readObject(in, keys, values);
        }
        default -> in.skipChildren();
      }
    } while (in.nextToken() == JsonToken.FIELD_NAME);
    String missing =
        !seenService
            ? "service"
            : !seenProvider ? "provider" : !seenRegion ? "region" : keys == null ? "row" : null;
    if (missing != null || service == null) {
      throw new SnapshotException(
          name,
          line,
          (missing == null ? "\"service\" is null" : "no \"" + missing + "\"")
              + ": a line of 'discover -o jsonl' has service, provider, region and row");
    }
    sink.row(new SnapshotRow(service, orEmpty(provider), orEmpty(region), keys, values));
  }

  /** A {@code -o json} document; the parser is on its first field name. */
  private void readDocument(JsonParser in, long line) throws IOException {
    boolean results = false;
    do {
      String field = in.currentName();
      JsonToken value = in.nextToken();
      if ("results".equals(field)) {
        if (value != JsonToken.START_ARRAY) {
          throw malformed(in, "\"results\" must be an array, found " + describe(value));
        }
        results = true;
        int index = 0;
        while ((value = in.nextToken()) != JsonToken.END_ARRAY) {
          if (value != JsonToken.START_OBJECT) {
            throw malformed(in, "results[" + index + "] must be an object");
          }
          readResult(in, index++);
        }
      } else {
        in.skipChildren();
      }
    } while (in.nextToken() == JsonToken.FIELD_NAME);
    if (!results) {
      throw new SnapshotException(name, line, NEITHER);
    }
  }

  /** One result of a document; the parser is on its {@code START_OBJECT}. */
  private void readResult(JsonParser in, int index) throws IOException {
    String where = "results[" + index + "]";
    String service = null;
    String provider = null;
    String region = null;
    boolean metadata = false;
    while (in.nextToken() == JsonToken.FIELD_NAME) {
      String field = in.currentName();
      JsonToken value = in.nextToken();
      if ("metadata".equals(field)) {
        if (value != JsonToken.START_OBJECT) {
          throw malformed(in, where + ".metadata must be an object");
        }
        metadata = true;
        while (in.nextToken() == JsonToken.FIELD_NAME) {
          String key = in.currentName();
          JsonToken item = in.nextToken();
          switch (key) {
            case "service" -> service = text(in, item, where + ".metadata.service");
            case "provider" -> provider = text(in, item, where + ".metadata.provider");
            case "region" -> region = text(in, item, where + ".metadata.region");
            default -> in.skipChildren();
          }
        }
        if (service == null) {
          throw malformed(in, where + ".metadata has no \"service\"");
        }
      } else if ("rows".equals(field)) {
        if (value != JsonToken.START_ARRAY) {
          throw malformed(in, where + ".rows must be an array");
        }
        if (!metadata) {
          throw malformed(
              in, where + ".rows come before its metadata, which 'discover -o json' never writes");
        }
        int row = 0;
        while ((value = in.nextToken()) != JsonToken.END_ARRAY) {
          if (value != JsonToken.START_OBJECT) {
            throw malformed(in, where + ".rows[" + row + "] must be an object");
          }
          List<String> keys = new ArrayList<>();
          List<String> values = new ArrayList<>();
          JsonValues.readObject(in, keys, values);
          sink.row(new SnapshotRow(service, orEmpty(provider), orEmpty(region), keys, values));
          row++;
        }
      } else {
        in.skipChildren();
      }
    }
    if (!metadata) {
      throw malformed(in, where + " has no \"metadata\"");
    }
  }

  private String text(JsonParser in, JsonToken value, String field) throws IOException {
    if (value == JsonToken.VALUE_STRING) {
      return in.getText();
    }
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    throw malformed(in, "\"" + field + "\" must be a string, found " + describe(value));
  }

  private SnapshotException malformed(JsonParser in, String message) {
    return new SnapshotException(name, in.currentTokenLocation().getLineNr(), message);
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }

  private static String describe(JsonToken token) {
    if (token == null) {
      return "the end of the input";
    }
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.toString();
    };
  }
}
