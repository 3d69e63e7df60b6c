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
   * Creates the exception; see {@link LightPaneApiException#LightPaneApiException(String, int,
   * String, Map, String)}.
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
