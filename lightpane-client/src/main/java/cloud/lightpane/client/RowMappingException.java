package cloud.lightpane.client;

/**
 * A row could not be converted to the caller's class or record (see {@code Row.as(Class)} and
 * {@code ServiceResult.rowsAs(Class)}): a value of the wrong kind for a field, or a class the JSON
 * mapper cannot build. The message names the class and the field.
 */
public class RowMappingException extends LightPaneException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message for the user and the mapper's error.
   *
   * @param message what happened and what to do; never a secret
   * @param cause the mapper's error, or null
   */
  public RowMappingException(String message, Throwable cause) {
    super(message, cause);
  }
}
