package cloud.lightpane.stub.inventory;

import cloud.lightpane.stub.internal.text.LogText;

/**
 * A fixture file that cannot be used. The message names the file, the place in it (line and column,
 * or a JSON path such as {@code $.rows[3].values.memory_size}) and what is wrong.
 */
public final class FixtureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * A problem at a place in a file. The message echoes the file's keys and values, so it is escaped
   * here for the terminal that will show it.
   *
   * @param message what is wrong, and where
   */
  public FixtureException(String message) {
    super(LogText.of(message));
  }
}
