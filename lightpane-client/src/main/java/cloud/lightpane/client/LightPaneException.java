package cloud.lightpane.client;

/**
 * The base of every error the LightPane client throws. All client errors are unchecked; catch this
 * type to handle any of them.
 *
 * <p>Messages say what happened and what to do about it, and never contain a token, a cookie or any
 * other secret (at most a masked form such as {@code csl_ak_...9hIx}).
 */
public class LightPaneException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message for the user.
   *
   * @param message what happened and what to do; never a secret
   */
  public LightPaneException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message for the user and the underlying cause.
   *
   * @param message what happened and what to do; never a secret
   * @param cause the underlying error, or null
   */
  public LightPaneException(String message, Throwable cause) {
    super(message, cause);
  }
}
