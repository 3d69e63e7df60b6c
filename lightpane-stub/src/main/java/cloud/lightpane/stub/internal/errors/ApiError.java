package cloud.lightpane.stub.internal.errors;

/**
 * Every error of the contract ({@code api/CONTRACT.md}, Part B) with its status and message,
 * written here and nowhere else on the server side. A message that carries a detail (an index, a
 * key, a constraint name) is this message followed by the detail.
 */
public enum ApiError {
  INVALID_JSON(400, "Invalid JSON in request body"),
  MISSING_SERVICES(400, "Missing 'services' in request body"),
  EMPTY_SERVICES(400, "'services' must be a non-empty array"),
  BATCH_TOO_LARGE(400, "Batch size exceeds limit for this token"),
  INVALID_SERVICE_REQUEST(400, "Invalid service request at index "),
  INVALID_SERVICE(400, "Invalid service identifier"),
  INVALID_PROVIDER(400, "Invalid provider"),
  INVALID_REGION(400, "Invalid region"),
  INVALID_ATTRIBUTE(400, "Invalid attribute: "),
  DUPLICATE_ATTRIBUTE(400, "Duplicate attribute: "),
  INVALID_SOURCE(400, "Invalid source"),
  INVALID_GRANT_TYPE(400, "Invalid grant_type"),
  INVALID_LABEL(400, "Invalid label"),
  EMPTY_CLOUD_ACCOUNTS(400, "'cloud_accounts' must not be empty"),
  UNKNOWN_CLOUD_ACCOUNT(400, "Unknown cloud account"),
  UNKNOWN_GROUP(400, "Unknown group"),
  INVALID_EXPIRES_IN_DAYS(400, "Invalid expires_in_days"),
  INVALID_CONSTRAINT(400, "Invalid constraint: "),
  DUPLICATE_KEY(400, "Duplicate key in request body: "),
  MALFORMED_REQUEST(400, "Malformed request"),
  INVALID_TOKEN(401, "Invalid or expired token"),
  TOKEN_REVOKED(401, "Token revoked"),
  SESSION_REQUIRED(401, "Session required"),
  ORIGIN_NOT_PERMITTED(403, "Origin not permitted for this token"),
  IP_NOT_PERMITTED(403, "IP address not permitted for this token"),
  REFERER_REQUIRED(403, "Referer header required for this token"),
  SERVICE_NOT_PERMITTED(403, "Service not permitted for this token"),
  ACCOUNT_NOT_PERMITTED(403, "Account not permitted for this token"),
  CORS_NOT_ALLOWED(403, "CORS is not allowed for /keys"),
  NOT_FOUND(404, "Not found"),
  GRANT_NOT_FOUND(404, "Grant not found"),
  METHOD_NOT_ALLOWED(405, "Method not allowed"),
  BODY_TOO_LARGE(413, "Request body too large"),
  UNSUPPORTED_MEDIA_TYPE(415, "Content-Type must be application/json"),
  RATE_LIMITED(429, "Rate limit exceeded"),
  INTERNAL(500, "Internal server error"),
  NOT_IMPLEMENTED(501, "Not implemented");

  private final int status;
  private final String message;

  ApiError(int status, String message) {
    this.status = status;
    this.message = message;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The message of the {@code {"error": ...}} body (for those with a detail, its first part). */
  public String message() {
    return message;
  }

  /** This error, to throw. */
  public ApiException exception() {
    return new ApiException(status, message);
  }

  /**
   * A status injected on purpose ({@code --fault status:CODE}): a 429 says what the rate limiter
   * says, any other status {@code Injected fault: HTTP <code>}.
   */
  public static ApiException injected(int status) {
    return new ApiException(
        status, status == 429 ? RATE_LIMITED.message : "Injected fault: HTTP " + status);
  }

  /** This error with a detail after its message, e.g. {@code Invalid attribute: colour}. */
  public ApiException exception(Object detail) {
    return new ApiException(status, message + detail);
  }
}
