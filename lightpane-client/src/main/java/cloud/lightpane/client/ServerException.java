package cloud.lightpane.client;

import java.util.List;
import java.util.Map;

/**
 * The server or a proxy in front of it failed (HTTP 5xx other than 501, which is an {@link
 * UnexpectedStatusException}). The client has already retried 500, 502, 503 and 504 as configured
 * before throwing this.
 */
public class ServerException extends LightPaneApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; the client does, and callers rarely need to (a fake of their own in
   * tests, for example).
   *
   * @param message the message for the user (never containing a secret)
   * @param statusCode the HTTP status, from 500 to 599
   * @param errorMessage the server's {@code error} field, or null
   * @param headers the response headers (copied; names compared case-insensitively), or null
   * @param body the raw response body, possibly truncated, or null
   */
  public ServerException(
      String message,
      int statusCode,
      String errorMessage,
      Map<String, List<String>> headers,
      String body) {
    super(message, statusCode, errorMessage, headers, body);
  }
}
