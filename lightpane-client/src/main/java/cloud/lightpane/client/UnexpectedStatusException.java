package cloud.lightpane.client;

import java.util.List;
import java.util.Map;

/**
 * The server answered with a status the other subtypes do not cover, such as 405, 413, 415 or 501.
 */
public class UnexpectedStatusException extends LightPaneApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; the client does, and callers rarely need to (a fake of their own in
   * tests, for example).
   *
   * @param message the message for the user (never containing a secret)
   * @param statusCode the HTTP status, one no other subtype names
   * @param errorMessage the server's {@code error} field, or null
   * @param headers the response headers (copied; names compared case-insensitively), or null
   * @param body the raw response body, possibly truncated, or null
   */
  public UnexpectedStatusException(
      String message,
      int statusCode,
      String errorMessage,
      Map<String, List<String>> headers,
      String body) {
    super(message, statusCode, errorMessage, headers, body);
  }
}
