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
   * Creates the exception; see {@link LightPaneApiException#LightPaneApiException(String, int,
   * String, Map, String)}.
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
