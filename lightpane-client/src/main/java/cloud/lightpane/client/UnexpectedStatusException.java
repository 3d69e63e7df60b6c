package cloud.lightpane.client;

import java.util.List;
import java.util.Map;

/**
 * The server answered with a status the other subtypes do not cover, such as 405, 413, 415 or 501.
 */
public class UnexpectedStatusException extends LightPaneApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; see {@link LightPaneApiException#LightPaneApiException(String, int,
   * String, Map, String)}.
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
