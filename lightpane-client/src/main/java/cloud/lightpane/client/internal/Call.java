package cloud.lightpane.client.internal;

/**
 * One API call: what to send, and whether sending it twice is harmless.
 *
 * @param method the HTTP method
 * @param path the path under the base URL, such as {@code /discovery}
 * @param body the JSON body, or null
 * @param idempotent whether the call may be repeated after it may have reached the server ({@code
 *     POST /discovery}, {@code GET /keys}, {@code DELETE /keys/{id}}; not {@code POST /keys})
 */
public record Call(String method, String path, byte[] body, boolean idempotent) {

  /** For messages: {@code POST /discovery}. */
  public String label() {
    // Grant ids are not secrets, but keep long paths readable in messages.
    return method + " " + path;
  }
}
