package cloud.lightpane.client;

/**
 * A time limit ran out: connecting took longer than the connect timeout, the server sent nothing
 * for longer than the request timeout (waiting for the response or in the middle of its body), or
 * the whole call, retries included, passed the overall deadline.
 */
public class LightPaneTimeoutException extends LightPaneException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message for the user and the cause, which may be null.
   *
   * @param message what happened and what to do; never a secret
   * @param cause the timeout the JDK reported, or null
   */
  public LightPaneTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
