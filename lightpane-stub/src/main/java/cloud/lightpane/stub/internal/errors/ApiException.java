package cloud.lightpane.stub.internal.errors;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error response of the contract ({@link ApiError}): a status and the message of the {@code
 * {"error": ...}} body, plus any headers it must carry ({@code Allow}, {@code Retry-After}). Thrown
 * by any step of a request; the first one thrown decides the response.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient Map<String, String> headers = new LinkedHashMap<>();
  private boolean closeConnection;

  /** An error with this status and message: see {@link ApiError} for the contract's. */
  ApiException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** Adds a header to the error response. */
  public ApiException header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** Headers the response carries besides the defaults. */
  public Map<String, String> headers() {
    return headers;
  }

  /** Marks the response as the last on its connection (the request body was not read). */
  public ApiException closeConnection() {
    closeConnection = true;
    return this;
  }

  /** Whether the connection closes after this response. */
  public boolean closesConnection() {
    return closeConnection;
  }
}
