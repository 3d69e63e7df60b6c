package cloud.lightpane.cli.jq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import net.thisptr.jackson.jq.BuiltinFunctionLoader;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Versions;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/**
 * {@code --jq EXPR}: a jq expression (jq 1.6 language, by jackson-jq) applied to the response
 * document, printed as {@code gh --jq} prints: a string result raw, anything else compact JSON, one
 * result per line. The document is read whole (jq's input is one value): for millions of rows use
 * {@code -o jsonl} or {@code --where} instead.
 */
public final class JqFilter {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final JsonQuery query;

  private JqFilter(JsonQuery query) {
    this.query = query;
  }

  /**
   * Compiles {@code expression}.
   *
   * @throws IllegalArgumentException with the parser's message (and its position) when it is not
   *     valid jq
   */
  public static JqFilter compile(String expression) {
    try {
      return new JqFilter(JsonQuery.compile(expression, Versions.JQ_1_6));
    } catch (JsonQueryException e) {
      throw new IllegalArgumentException(
          "--jq '" + expression + "' is not a valid jq expression: " + problem(e), e);
    }
  }

  /**
   * Applies the expression to the JSON document in {@code document} and writes each output.
   *
   * @param terminal stdout is a terminal: control characters in raw strings are shown escaped
   *     ({@code \x1b}), so data from the network cannot drive the terminal
   * @throws IllegalStateException when the expression fails on this input (jq's own error)
   */
  public void apply(InputStream document, Writer out, boolean terminal) throws IOException {
    JsonNode input = JSON.readTree(document);
    Scope scope = Scope.newEmptyScope();
    BuiltinFunctionLoader.getInstance().loadFunctions(Versions.JQ_1_6, scope);
    StringBuilder line = new StringBuilder();
    try {
      query.apply(
          Scope.newChildScope(scope),
          input,
          value -> {
            line.setLength(0);
            if (value.isTextual()) {
              String text = value.textValue();
              line.append(terminal ? visible(text) : text);
            } else {
              try {
                line.append(JSON.writeValueAsString(value));
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            }
            try {
              out.append(line.append('\n'));
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
    } catch (JsonQueryException e) {
      throw new IllegalStateException("--jq failed: " + oneLine(e.getMessage()), e);
    }
    out.flush();
  }

  private static String visible(String text) {
    StringBuilder shown = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c < 0xa0)) {
        shown.append(String.format("\\x%02x", (int) c));
      } else {
        shown.append(c);
      }
    }
    return shown.toString();
  }

  /** The parser's first line, e.g. {@code Encountered "<EOF>" at line 1, column 9.}. */
  private static String problem(JsonQueryException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      String message = cause.getMessage();
      if (message != null && message.contains("column")) {
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).trim();
      }
    }
    return oneLine(e.getMessage());
  }

  private static String oneLine(String message) {
    if (message == null) {
      return "(no detail)";
    }
    return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
  }
}
