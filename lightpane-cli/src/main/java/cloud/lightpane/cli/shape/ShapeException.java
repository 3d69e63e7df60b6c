package cloud.lightpane.cli.shape;

/**
 * A shaping option the user got wrong ({@code --where 'cpu<x'}, a key the result does not have): a
 * usage error, its message one line saying what was wrong and what to do.
 */
public final class ShapeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ShapeException(String message) {
    super(message, null, false, false);
  }
}
