package cloud.lightpane.client;

/**
 * The server answered with a success status but a body the client cannot read: not JSON (for
 * example an HTML page from a proxy or a captive portal), cut off before its end, or JSON of the
 * wrong shape. JSON parser errors are always wrapped in this type.
 */
public class InvalidResponseException extends LightPaneException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message for the user and the cause, which may be null.
   *
   * @param message what happened and what to do; never a secret
   * @param cause the parser's or reader's error, or null
   */
  public InvalidResponseException(String message, Throwable cause) {
    super(message, cause);
  }
}
