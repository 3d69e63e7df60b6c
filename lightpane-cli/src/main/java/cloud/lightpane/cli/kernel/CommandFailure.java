package cloud.lightpane.cli.kernel;

/**
 * A failure the command has already explained in the user's terms: the message is printed as is and
 * the process ends with {@link #exitCode()}.
 */
public final class CommandFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  public CommandFailure(int exitCode, String message) {
    this(exitCode, message, null);
  }

  public CommandFailure(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
