package cloud.lightpane.client;

import java.util.Objects;

/**
 * What the server said went wrong: the {@code error} string of its JSON error body, as an open
 * value. Every message of the API contract is a constant here; any other string a server sends is
 * kept as it came, so that a newer server never breaks an older client.
 *
 * <p>Some messages name a culprit after a fixed prefix ({@code Invalid attribute: vpc}, {@code
 * Invalid constraint: allowed_ips}); they map to one constant ({@link #INVALID_ATTRIBUTE}) and
 * {@link #detail()} holds the culprit ({@code vpc}). Two reasons are equal when their constants
 * (or, for unknown ones, their texts) are; the detail does not take part.
 *
 * <pre>{@code
 * } catch (BadRequestException e) {
 *   if (e.reason().equals(ErrorReason.INVALID_REGION)) { ... }
 *   switch (e.reason().code()) { case "invalid_region": ... }
 * }
 * }</pre>
 */
public final class ErrorReason {
  /** The error body had no {@code error} string (an HTML page from a proxy, an empty body). */
  public static final ErrorReason NONE = known("none", "");

  /** 400 {@code Invalid JSON in request body}. */
  public static final ErrorReason INVALID_JSON =
      known("invalid_json", "Invalid JSON in request body");

  /** 400 {@code Missing 'services' in request body}. */
  public static final ErrorReason MISSING_SERVICES =
      known("missing_services", "Missing 'services' in request body");

  /** 400 {@code 'services' must be a non-empty array}. */
  public static final ErrorReason EMPTY_SERVICES =
      known("empty_services", "'services' must be a non-empty array");

  /** 400 {@code Batch size exceeds limit for this token}: over 100 entries or the key's limit. */
  public static final ErrorReason BATCH_SIZE_EXCEEDED =
      known("batch_size_exceeded", "Batch size exceeds limit for this token");

  /** 400 {@code Invalid service request at index <i>}; the detail is the index. */
  public static final ErrorReason INVALID_SERVICE_REQUEST =
      prefixed("invalid_service_request", "Invalid service request at index ");

  /** 400 {@code Invalid service identifier}. */
  public static final ErrorReason INVALID_SERVICE =
      known("invalid_service", "Invalid service identifier");

  /** 400 {@code Invalid provider}. */
  public static final ErrorReason INVALID_PROVIDER = known("invalid_provider", "Invalid provider");

  /** 400 {@code Invalid region}. */
  public static final ErrorReason INVALID_REGION = known("invalid_region", "Invalid region");

  /** 400 {@code Invalid attribute: <key>}; the detail is the attribute. */
  public static final ErrorReason INVALID_ATTRIBUTE =
      prefixed("invalid_attribute", "Invalid attribute: ");

  /** 400 {@code Duplicate attribute: <key>}; the detail is the attribute. */
  public static final ErrorReason DUPLICATE_ATTRIBUTE =
      prefixed("duplicate_attribute", "Duplicate attribute: ");

  /** 400 {@code Invalid source}. */
  public static final ErrorReason INVALID_SOURCE = known("invalid_source", "Invalid source");

  /** 400 {@code Invalid grant_type}. */
  public static final ErrorReason INVALID_GRANT_TYPE =
      known("invalid_grant_type", "Invalid grant_type");

  /** 400 {@code Invalid label}. */
  public static final ErrorReason INVALID_LABEL = known("invalid_label", "Invalid label");

  /** 400 {@code 'cloud_accounts' must not be empty}. */
  public static final ErrorReason EMPTY_CLOUD_ACCOUNTS =
      known("empty_cloud_accounts", "'cloud_accounts' must not be empty");

  /** 400 {@code Unknown cloud account}. */
  public static final ErrorReason UNKNOWN_CLOUD_ACCOUNT =
      known("unknown_cloud_account", "Unknown cloud account");

  /** 400 {@code Unknown group}. */
  public static final ErrorReason UNKNOWN_GROUP = known("unknown_group", "Unknown group");

  /** 400 {@code Invalid expires_in_days}. */
  public static final ErrorReason INVALID_EXPIRES_IN_DAYS =
      known("invalid_expires_in_days", "Invalid expires_in_days");

  /** 400 {@code Invalid constraint: <name>}; the detail is the constraint. */
  public static final ErrorReason INVALID_CONSTRAINT =
      prefixed("invalid_constraint", "Invalid constraint: ");

  /** 400 {@code Malformed request}: broken framing. */
  public static final ErrorReason MALFORMED_REQUEST =
      known("malformed_request", "Malformed request");

  /** 401 {@code Invalid or expired token}. */
  public static final ErrorReason INVALID_TOKEN =
      known("invalid_token", "Invalid or expired token");

  /** 401 {@code Token revoked}. */
  public static final ErrorReason TOKEN_REVOKED = known("token_revoked", "Token revoked");

  /** 401 {@code Session required}: {@code /keys} without a session. */
  public static final ErrorReason SESSION_REQUIRED = known("session_required", "Session required");

  /** 403 {@code Origin not permitted for this token}. */
  public static final ErrorReason ORIGIN_NOT_PERMITTED =
      known("origin_not_permitted", "Origin not permitted for this token");

  /** 403 {@code IP address not permitted for this token}. */
  public static final ErrorReason IP_NOT_PERMITTED =
      known("ip_not_permitted", "IP address not permitted for this token");

  /** 403 {@code Referer header required for this token}. */
  public static final ErrorReason REFERER_REQUIRED =
      known("referer_required", "Referer header required for this token");

  /** 403 {@code Service not permitted for this token}. */
  public static final ErrorReason SERVICE_NOT_PERMITTED =
      known("service_not_permitted", "Service not permitted for this token");

  /** 403 {@code Account not permitted for this token}. */
  public static final ErrorReason ACCOUNT_NOT_PERMITTED =
      known("account_not_permitted", "Account not permitted for this token");

  /** 403 {@code CORS is not allowed for /keys}. */
  public static final ErrorReason CORS_NOT_ALLOWED =
      known("cors_not_allowed", "CORS is not allowed for /keys");

  /** 404 {@code Grant not found}. */
  public static final ErrorReason GRANT_NOT_FOUND = known("grant_not_found", "Grant not found");

  /** 404 {@code Not found}. */
  public static final ErrorReason NOT_FOUND = known("not_found", "Not found");

  /** 405 {@code Method not allowed}. */
  public static final ErrorReason METHOD_NOT_ALLOWED =
      known("method_not_allowed", "Method not allowed");

  /** 413 {@code Request body too large}. */
  public static final ErrorReason BODY_TOO_LARGE =
      known("body_too_large", "Request body too large");

  /** 415 {@code Content-Type must be application/json}. */
  public static final ErrorReason UNSUPPORTED_CONTENT_TYPE =
      known("unsupported_content_type", "Content-Type must be application/json");

  /** 429 {@code Rate limit exceeded}. */
  public static final ErrorReason RATE_LIMITED = known("rate_limited", "Rate limit exceeded");

  /** 501 {@code Not implemented}. */
  public static final ErrorReason NOT_IMPLEMENTED = known("not_implemented", "Not implemented");

  /** Every constant, in the order above; {@link #of} looks them up here. */
  private static final ErrorReason[] KNOWN = {
    NONE,
    INVALID_JSON,
    MISSING_SERVICES,
    EMPTY_SERVICES,
    BATCH_SIZE_EXCEEDED,
    INVALID_SERVICE_REQUEST,
    INVALID_SERVICE,
    INVALID_PROVIDER,
    INVALID_REGION,
    INVALID_ATTRIBUTE,
    DUPLICATE_ATTRIBUTE,
    INVALID_SOURCE,
    INVALID_GRANT_TYPE,
    INVALID_LABEL,
    EMPTY_CLOUD_ACCOUNTS,
    UNKNOWN_CLOUD_ACCOUNT,
    UNKNOWN_GROUP,
    INVALID_EXPIRES_IN_DAYS,
    INVALID_CONSTRAINT,
    MALFORMED_REQUEST,
    INVALID_TOKEN,
    TOKEN_REVOKED,
    SESSION_REQUIRED,
    ORIGIN_NOT_PERMITTED,
    IP_NOT_PERMITTED,
    REFERER_REQUIRED,
    SERVICE_NOT_PERMITTED,
    ACCOUNT_NOT_PERMITTED,
    CORS_NOT_ALLOWED,
    GRANT_NOT_FOUND,
    NOT_FOUND,
    METHOD_NOT_ALLOWED,
    BODY_TOO_LARGE,
    UNSUPPORTED_CONTENT_TYPE,
    RATE_LIMITED,
    NOT_IMPLEMENTED,
  };

  private final String code;
  private final String text;
  private final boolean prefix;
  private final String detail;

  private ErrorReason(String code, String text, boolean prefix, String detail) {
    this.code = code;
    this.text = text;
    this.prefix = prefix;
    this.detail = detail;
  }

  private static ErrorReason known(String code, String text) {
    return new ErrorReason(code, text, false, null);
  }

  private static ErrorReason prefixed(String code, String text) {
    return new ErrorReason(code, text, true, null);
  }

  /**
   * The reason for a server's {@code error} string: a constant when the string is one of the
   * contract's (with its {@link #detail()} for messages that name a culprit), else an unknown
   * reason holding the string. Null or empty gives {@link #NONE}.
   *
   * @param error the {@code error} field of a LightPane error body, such as {@code Invalid
   *     attribute: vpc}, or null
   * @return the reason, never null
   */
  public static ErrorReason of(String error) {
    if (error == null || error.isEmpty()) {
      return NONE;
    }
    for (ErrorReason known : KNOWN) {
      if (known.prefix) {
        if (error.startsWith(known.text) && error.length() > known.text.length()) {
          return new ErrorReason(
              known.code, known.text, true, error.substring(known.text.length()));
        }
      } else if (known.text.equals(error)) {
        return known;
      }
    }
    return new ErrorReason(null, error, false, null);
  }

  /**
   * A stable identifier for {@code switch}: {@code invalid_region}, {@code rate_limited}...; for a
   * string this client does not know, the string itself.
   *
   * @return the code, never null
   */
  public String code() {
    return code != null ? code : text;
  }

  /** {@return whether this is one of the contract's messages} (a constant of this class) */
  public boolean isKnown() {
    return code != null;
  }

  /**
   * The culprit of a message that names one ({@code vpc} in {@code Invalid attribute: vpc}).
   *
   * @return the culprit, or null for a message that names none
   */
  public String detail() {
    return detail;
  }

  /** {@return the server's words}: {@code Invalid region}, {@code Invalid attribute: vpc}. */
  public String message() {
    return detail == null ? text : text + detail;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ErrorReason)) {
      return false;
    }
    ErrorReason other = (ErrorReason) o;
    return code != null ? code.equals(other.code) : other.code == null && text.equals(other.text);
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, code == null ? text : null);
  }

  /** The server's words, as {@link #message()}. */
  @Override
  public String toString() {
    return message();
  }
}
