package cloud.lightpane.client;

import java.util.List;
import java.util.Map;

/**
 * The credentials are valid but not allowed to do this (HTTP 403): the key's origin, IP, referer,
 * service or account constraints refused the request.
 */
public class PermissionDeniedException extends LightPaneApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; see {@link LightPaneApiException#LightPaneApiException(String, int,
   * String, Map, String)}.
   */
  public PermissionDeniedException(
      String message,
      int statusCode,
      String errorMessage,
      Map<String, List<String>> headers,
      String body) {
    super(message, statusCode, errorMessage, headers, body);
  }
}
