package cloud.lightpane.stub.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Web sessions of the demo user. A cookie is {@code <session id>.<base64url HMAC-SHA256 of the
 * id>}, signed with a key made at start; a session lives 8 hours from creation, however much it is
 * used. The signing key is never written anywhere, so sessions end with the process.
 */
public final class Sessions {

  /** The cookie name. */
  public static final String COOKIE_NAME = "lightpane_session";

  /** How long a session lives from creation (absolute). */
  public static final Duration LIFETIME = Duration.ofHours(8);

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final byte[] key = new byte[32];
  private final Map<String, Instant> expiryById = new ConcurrentHashMap<>();

  /** Sessions signed with a fresh random key. */
  public Sessions() {
    RANDOM.nextBytes(key);
  }

  /** Starts a session at {@code now}; returns the cookie value. */
  public String create(Instant now) {
    byte[] id = new byte[24];
    RANDOM.nextBytes(id);
    String sessionId = B64.encodeToString(id);
    expiryById.put(sessionId, now.plus(LIFETIME));
    return sessionId + "." + B64.encodeToString(sign(sessionId));
  }

  /**
   * Whether a cookie value names a live session: its signature is right (compared in constant time)
   * and the session has not expired at {@code now}.
   */
  public boolean valid(String cookieValue, Instant now) {
    if (cookieValue == null) {
      return false;
    }
    int dot = cookieValue.indexOf('.');
    if (dot <= 0 || dot != cookieValue.lastIndexOf('.')) {
      return false;
    }
    String sessionId = cookieValue.substring(0, dot);
    byte[] given;
    try {
      given = Base64.getUrlDecoder().decode(cookieValue.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (!MessageDigest.isEqual(sign(sessionId), given)) {
      return false;
    }
    Instant expiry = expiryById.get(sessionId);
    return expiry != null && now.isBefore(expiry);
  }

  /** Whether any {@code lightpane_session} in these {@code Cookie} headers is live. */
  public boolean validInCookieHeaders(Iterable<String> cookieHeaders, Instant now) {
    if (cookieHeaders == null) {
      return false;
    }
    for (String header : cookieHeaders) {
      for (String pair : header.split(";")) {
        String trimmed = pair.trim();
        int eq = trimmed.indexOf('=');
        if (eq > 0 && trimmed.substring(0, eq).trim().equals(COOKIE_NAME)) {
          String value = trimmed.substring(eq + 1).trim();
          if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
          }
          if (valid(value, now)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private byte[] sign(String sessionId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(sessionId.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
  }
}
