package cloud.lightpane.stub.internal.auth;

import cloud.lightpane.stub.internal.errors.ApiError;
import cloud.lightpane.stub.internal.errors.ApiException;
import cloud.lightpane.stub.internal.keys.Grant;
import cloud.lightpane.stub.internal.keys.GrantStore;
import cloud.lightpane.stub.internal.keys.Tokens;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Resolves the caller of a request in the contract's order: a live session cookie wins (an invalid
 * one is ignored), then the {@code Authorization} header, then anonymous.
 */
public final class Authenticator {

  private static final String SCHEME = "Bearer ";

  private final Sessions sessions;
  private final GrantStore grants;

  /** An authenticator over these sessions and keys. */
  public Authenticator(Sessions sessions, GrantStore grants) {
    this.sessions = sessions;
    this.grants = grants;
  }

  /**
   * The caller.
   *
   * @param cookies every {@code Cookie} header value (may be null)
   * @param authorization every {@code Authorization} header value (may be null)
   * @throws ApiException 401 for an Authorization header that is not exactly {@code Bearer
   *     <token>}, an unknown, malformed or expired token, or a revoked one
   */
  public Caller authenticate(List<String> cookies, List<String> authorization, Instant now) {
    if (sessions.validInCookieHeaders(cookies, now)) {
      return new Caller.Session();
    }
    if (authorization == null || authorization.isEmpty()) {
      return new Caller.Anonymous();
    }
    String token = bearerToken(authorization).orElseThrow(Authenticator::invalidToken);
    if (!Tokens.wellFormed(token)) {
      throw invalidToken();
    }
    Grant grant = grants.byTokenHash(Tokens.hash(token)).orElseThrow(Authenticator::invalidToken);
    if (grant.revoked()) {
      throw ApiError.TOKEN_REVOKED.exception();
    }
    if (grant.expiredAt(now)) {
      throw invalidToken();
    }
    grants.markUsed(grant.grantId(), now);
    return new Caller.Key(grant.usedAt(now));
  }

  /** Whether the request carries a live session cookie. */
  public boolean hasSession(List<String> cookies, Instant now) {
    return sessions.validInCookieHeaders(cookies, now);
  }

  /**
   * The token of {@code Bearer <token>}: the scheme in any case, exactly one space, then the token
   * (which must itself hold no whitespace). Two Authorization headers are refused.
   */
  static Optional<String> bearerToken(List<String> headers) {
    if (headers.size() != 1) {
      return Optional.empty();
    }
    String value = headers.get(0);
    if (value.length() <= SCHEME.length()
        || !value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return Optional.empty();
    }
    String token = value.substring(SCHEME.length());
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      boolean visibleAscii = c > ' ' && c < 0x7f; // every character of a real token
      if (!visibleAscii && (Character.isWhitespace(c) || Character.isISOControl(c))) {
        return Optional.empty();
      }
    }
    return Optional.of(token);
  }

  private static ApiException invalidToken() {
    return ApiError.INVALID_TOKEN.exception();
  }
}
