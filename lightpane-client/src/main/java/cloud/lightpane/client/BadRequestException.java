package cloud.lightpane.client;

import java.util.List;
import java.util.Map;

/**
 * The server rejected the request as invalid (HTTP 400): a bad service, region, attribute, batch
 * size or key field. {@link #errorMessage()} says which.
 */
public class BadRequestException extends LightPaneApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; the client does, and callers rarely need to (a fake of their own in
   * tests, for example).
   *
   * @param message the message for the user (never containing a secret)
   * @param statusCode the HTTP status, 400
   * @param errorMessage the server's {@code error} field, or null
   * @param headers the response headers (copied; names compared case-insensitively), or null
   * @param body the raw response body, possibly truncated, or null
   */
  public BadRequestException(
      String message,
      int statusCode,
      String errorMessage,
      Map<String, List<String>> headers,
      String body) {
    super(message, statusCode, errorMessage, headers, body);
  }
}
