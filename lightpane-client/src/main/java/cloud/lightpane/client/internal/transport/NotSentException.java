package cloud.lightpane.client.internal.transport;

import java.io.IOException;

/**
 * The request provably never left: the connection could not be made (refused, unreachable, timed
 * out while connecting, unknown host). Retrying such a request can never duplicate its effect.
 */
public final class NotSentException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Wraps the connect failure. */
  public NotSentException(IOException cause) {
    super(cause.getMessage(), cause);
  }

  /** The connect failure itself. */
  @Override
  public synchronized IOException getCause() {
    return (IOException) super.getCause();
  }
}
