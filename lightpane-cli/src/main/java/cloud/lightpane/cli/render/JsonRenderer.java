package cloud.lightpane.cli.render;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code -o json}: the response document as the API returned it, copied token by token so that
 * unknown fields are kept, numbers keep their exact text and memory stays flat however many rows
 * there are. Pretty on a terminal, compact when piped.
 *
 * <p>When a run had to be split into several requests, the documents are merged into one: a {@code
 * results} array holding every result in request order, followed by the other top-level fields
 * (each name once, first value wins).
 */
public final class JsonRenderer {
  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(JsonFactory.Feature.INTERN_FIELD_NAMES).build();

  private final JsonGenerator out;
  private final JsonFactory parsers;
  private final List<Extra> extras = new ArrayList<>();
  private final Set<String> extraNames = new HashSet<>();
  private boolean merging;

  /**
   * @param stream stdout as bytes: UTF-8 in, UTF-8 out, no decoding to characters on the way
   * @param pretty indent (for a terminal) or not (for a pipe)
   * @param maxValueChars the longest string a response may hold (the client's {@code
   *     maxValueSize}); a longer one is refused while it is read
   */
  public JsonRenderer(OutputStream stream, boolean pretty, long maxValueChars) throws IOException {
    this.parsers =
        FACTORY
            .rebuild()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxStringLength((int) Math.min(Integer.MAX_VALUE, maxValueChars))
                    .build())
            .build();
    JsonGenerator generator =
        FACTORY
            .createGenerator(stream, JsonEncoding.UTF8)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .setCharacterEscapes(JsonEscapes.INSTANCE);
    this.out = pretty ? generator.useDefaultPrettyPrinter() : generator;
  }

  /** Copies one complete response document (the run was one request). */
  public void writeWhole(InputStream body) throws IOException {
    try (JsonParser in = parsers.createParser(new Tagged(body))) {
      JsonToken token;
      while ((token = in.nextToken()) != null) {
        copyToken(in, token);
        if (token == JsonToken.END_OBJECT && in.getParsingContext().inRoot()) {
          break;
        }
      }
    } catch (UnreadableBody | JsonGenerationException e) {
      throw e;
    } catch (JsonProcessingException e) {
      throw new UnreadableBody(e);
    }
    endDocument();
  }

  /** Appends the results of one of several responses to the merged document. */
  public void append(InputStream body) throws IOException {
    if (!merging) {
      merging = true;
      out.writeStartObject();
      out.writeFieldName("results");
      out.writeStartArray();
    }
    try (JsonParser in = parsers.createParser(new Tagged(body))) {
      if (in.nextToken() != JsonToken.START_OBJECT) {
        throw new UnreadableBody(new JsonParseException(in, "The response is not a JSON object"));
      }
      while (in.nextToken() == JsonToken.FIELD_NAME) {
        String name = in.currentName();
        JsonToken value = in.nextToken();
        if ("results".equals(name) && value == JsonToken.START_ARRAY) {
          while (in.nextToken() != JsonToken.END_ARRAY) {
            copyValue(in);
          }
        } else {
          // Kept for the end, when the results array is closed.
          keep(name, in);
        }
      }
    } catch (UnreadableBody | JsonGenerationException e) {
      throw e;
    } catch (JsonProcessingException e) {
      throw new UnreadableBody(e);
    }
  }

  /** Closes the merged document. */
  public void finishMerged() throws IOException {
    if (!merging) {
      return;
    }
    out.writeEndArray();
    for (Extra entry : extras) {
      if (extraNames.add(entry.name())) {
        out.writeFieldName(entry.name());
        try (JsonParser in = FACTORY.createParser(entry.json())) {
          in.nextToken();
          copyValue(in);
        }
      }
    }
    out.writeEndObject();
    endDocument();
  }

  private void copyValue(JsonParser in) throws IOException {
    int depth = 0;
    do {
      JsonToken token = in.currentToken();
      copyToken(in, token);
      if (token.isStructStart()) {
        depth++;
      } else if (token.isStructEnd()) {
        depth--;
      }
      if (depth == 0) {
        return;
      }
    } while (in.nextToken() != null);
    throw new IOException("The response ended inside a JSON value");
  }

  /** Copies one token; a decimal number keeps its text exactly as the server wrote it. */
  private void copyToken(JsonParser in, JsonToken token) throws IOException {
    if (token == JsonToken.VALUE_NUMBER_FLOAT) {
      out.writeNumber(in.getText());
    } else {
      out.copyCurrentEvent(in);
    }
  }

  private void endDocument() throws IOException {
    out.writeRaw('\n');
    out.flush();
  }

  /** Keeps a top-level field other than {@code results} as a small JSON text until the end. */
  private void keep(String name, JsonParser in) throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator copy = FACTORY.createGenerator(text)) {
      copy.copyCurrentStructure(in);
    }
    extras.add(new Extra(name, text.toString()));
  }

  private record Extra(String name, String json) {}

  /**
   * The response body could not be read: it is not valid JSON, holds a value over the limit, or the
   * connection failed. The cause is the parser's exception or the read's; the command turns it into
   * the client's own exception for an unreadable body, so that the words and the exit code are
   * those of the other formats. Any other {@link IOException} is about writing the output.
   */
  public static final class UnreadableBody extends IOException {
    private static final long serialVersionUID = 1L;

    UnreadableBody(IOException cause) {
      super(cause.getMessage(), cause);
    }

    @Override
    public synchronized IOException getCause() {
      return (IOException) super.getCause();
    }
  }

  /** The body, with its read failures told apart from the output's write failures. */
  private static final class Tagged extends java.io.FilterInputStream {
    Tagged(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (UnreadableBody e) {
        throw e;
      } catch (IOException e) {
        throw new UnreadableBody(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (UnreadableBody e) {
        throw e;
      } catch (IOException e) {
        throw new UnreadableBody(e);
      }
    }
  }
}
