package cloud.lightpane.client;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The server answered with an HTTP status that is not a success. Subtypes name the meaningful
 * statuses: {@link BadRequestException} (400), {@link AuthenticationException} (401), {@link
 * PermissionDeniedException} (403), {@link NotFoundException} (404), {@link RateLimitException}
 * (429), {@link ServerException} (5xx) and {@link UnexpectedStatusException} (anything else).
 *
 * <p>Besides the user-facing message, the exception keeps what the server sent: the status, the
 * {@code error} field of the JSON error body (null when the body was not such JSON, for example an
 * HTML page from a proxy), the response headers and the raw body (at most 64 KiB of it).
 */
public class LightPaneApiException extends LightPaneException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status. */
  private final int statusCode;

  /** The server's {@code error} field, or null. */
  private final String errorMessage;

  private final transient Map<String, List<String>> headers;

  /** The raw body, at most 64 KiB, or null. */
  private final String body;

  /**
   * Creates an API error.
   *
   * @param message the message for the user (never containing a secret)
   * @param statusCode the HTTP status
   * @param errorMessage the server's {@code error} field, or null
   * @param headers the response headers (copied; names compared case-insensitively), or null
   * @param body the raw response body, possibly truncated, or null
   */
  public LightPaneApiException(
      String message,
      int statusCode,
      String errorMessage,
      Map<String, List<String>> headers,
      String body) {
    super(message);
    this.statusCode = statusCode;
    this.errorMessage = errorMessage;
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (headers != null) {
      headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    }
    this.headers = java.util.Collections.unmodifiableMap(copy);
    this.body = body;
  }

  /** {@return the HTTP status code, such as 400 or 503} */
  public int statusCode() {
    return statusCode;
  }

  /**
   * The server's own message (the {@code error} field of its JSON body), such as {@code Invalid
   * region}; null when the body was not a LightPane error document.
   *
   * @return the server's message, or null
   */
  public String errorMessage() {
    return errorMessage;
  }

  /**
   * What went wrong, as an open value: a constant of {@link ErrorReason} for every message of the
   * API contract ({@link ErrorReason#INVALID_REGION}, {@link ErrorReason#RATE_LIMITED}...), any
   * other string kept, or {@link ErrorReason#NONE} when the body had no {@code error} field. Match
   * on this, never on the text of {@link #errorMessage()} or {@link #getMessage()}.
   *
   * @return the reason, never null
   */
  public ErrorReason reason() {
    return ErrorReason.of(errorMessage);
  }

  /**
   * {@return the response headers}, unmodifiable; lookups ignore case. They are not serialized
   * (they may carry cookies): an exception read back from a stream returns an empty map here.
   */
  public Map<String, List<String>> headers() {
    return headers == null ? java.util.Collections.emptyMap() : headers;
  }

  /** {@return the raw response body as text (at most 64 KiB), or null when there was none} */
  public String body() {
    return body;
  }
}
