package cloud.lightpane.client;

import java.util.List;
import java.util.Map;

/**
 * The credentials were refused (HTTP 401): an unknown, malformed, expired or revoked token, or a
 * call to {@code /keys} without a session.
 */
public class AuthenticationException extends LightPaneApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; the client does, and callers rarely need to (a fake of their own in
   * tests, for example).
   *
   * @param message the message for the user (never containing a secret)
   * @param statusCode the HTTP status, 401 (or 407 from a proxy)
   * @param errorMessage the server's {@code error} field, or null
   * @param headers the response headers (copied; names compared case-insensitively), or null
   * @param body the raw response body, possibly truncated, or null
   */
  public AuthenticationException(
      String message,
      int statusCode,
      String errorMessage,
      Map<String, List<String>> headers,
      String body) {
    super(message, statusCode, errorMessage, headers, body);
  }
}
