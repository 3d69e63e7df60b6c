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
   * Creates the exception; see {@link LightPaneApiException#LightPaneApiException(String, int,
   * String, Map, String)}.
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
