package cloud.lightpane.client;

import java.util.List;
import java.util.Map;

/**
 * The path or the access key does not exist (HTTP 404): a wrong base URL, or an unknown grant id.
 */
public class NotFoundException extends LightPaneApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; see {@link LightPaneApiException#LightPaneApiException(String, int,
   * String, Map, String)}.
   */
  public NotFoundException(
      String message,
      int statusCode,
      String errorMessage,
      Map<String, List<String>> headers,
      String body) {
    super(message, statusCode, errorMessage, headers, body);
  }
}
