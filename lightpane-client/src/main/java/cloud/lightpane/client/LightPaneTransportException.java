package cloud.lightpane.client;

/**
 * The request did not complete at the network level: the client could not connect (refused, unknown
 * host, TLS failure) or the connection broke (reset, closed early). The client has already retried
 * where that was safe.
 */
public class LightPaneTransportException extends LightPaneException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message for the user and the I/O error behind it.
   *
   * @param message what happened and what to do; never a secret
   * @param cause the I/O error, or null
   */
  public LightPaneTransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
