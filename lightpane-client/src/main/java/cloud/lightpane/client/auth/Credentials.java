package cloud.lightpane.client.auth;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who the client says it is: a bearer access key, a session cookie, or nobody (the demo account).
 *
 * <p>Credentials are checked when they are created, so that a malformed token (a wrong prefix, a
 * space, a trailing newline from a file or a copy-paste) fails at once with a message that says
 * what is wrong, instead of reaching the server and coming back as a 401. No message, log line or
 * {@link #toString()} ever contains the secret itself; at most its masked form (see {@link
 * #mask(String)}).
 *
 * <pre>{@code
 * Credentials key = Credentials.apiKey(System.getenv("LIGHTPANE_API_KEY"));
 * Credentials session = Credentials.session("lightpane_session=abc.def");
 * Credentials chain = Credentials.defaultChain(); // LIGHTPANE_API_KEY > LIGHTPANE_SESSION > anonymous
 * }</pre>
 */
public final class Credentials {

  /** What kind of credential this is. */
  public enum Kind {
    /** A bearer access key ({@code csl_ak_}, {@code csl_em_} or {@code csl_dm_}). */
    API_KEY,
    /** A {@code lightpane_session} cookie: full access, needed for key management. */
    SESSION,
    /** No credential: the read-only demo account, {@code /discovery} only. */
    ANONYMOUS
  }

  /** The environment variable holding an access key. */
  public static final String API_KEY_ENV = "LIGHTPANE_API_KEY";

  /** The environment variable holding a session cookie. */
  public static final String SESSION_ENV = "LIGHTPANE_SESSION";

  /** The name of the session cookie. */
  public static final String SESSION_COOKIE_NAME = "lightpane_session";

  /** The prefixes of the three key types: {@code api_key}, {@code embed} and {@code demo}. */
  public static final List<String> KEY_PREFIXES = List.of("csl_ak_", "csl_em_", "csl_dm_");

  private static final Credentials ANONYMOUS = new Credentials(Kind.ANONYMOUS, null, "anonymous");

  private final Kind kind;
  private final String secret;
  private final String source;

  private Credentials(Kind kind, String secret, String source) {
    this.kind = kind;
    this.secret = secret;
    this.source = source;
  }

  /**
   * A bearer access key.
   *
   * @param token the raw token, such as {@code csl_ak_} followed by 43 characters
   * @return credentials that send the token as {@code Authorization: Bearer}
   * @throws IllegalArgumentException if the token is null, empty, does not start with one of {@link
   *     #KEY_PREFIXES}, or contains whitespace, a newline or another character that cannot be part
   *     of a token (the message names the problem, never the token)
   */
  public static Credentials apiKey(String token) {
    return apiKey(token, "API key");
  }

  private static Credentials apiKey(String token, String what) {
    if (token == null || token.isEmpty()) {
      throw new IllegalArgumentException(
          what + " is empty: give an access key that starts with csl_ak_, csl_em_ or csl_dm_.");
    }
    checkCharacters(token, what);
    if (KEY_PREFIXES.stream().noneMatch(token::startsWith)) {
      throw new IllegalArgumentException(
          what
              + " does not start with csl_ak_, csl_em_ or csl_dm_: it is not a LightPane access"
              + " key. A session cookie goes in LIGHTPANE_SESSION, not LIGHTPANE_API_KEY.");
    }
    String body = token.substring(7);
    if (body.isEmpty()) {
      throw new IllegalArgumentException(what + " has a prefix but nothing after it.");
    }
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      boolean base64url =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == '=';
      if (!base64url) {
        throw new IllegalArgumentException(
            what
                + " contains a character that is not allowed in a token (position "
                + (i + 8)
                + "): tokens are base64url after their prefix. Copy the key again.");
      }
    }
    return new Credentials(Kind.API_KEY, token, what);
  }

  /**
   * A session cookie, as printed by the reference server or taken from a browser.
   *
   * @param cookie the cookie value, or {@code lightpane_session=<value>}
   * @return credentials that send the value as the {@code lightpane_session} cookie
   * @throws IllegalArgumentException if the value is empty or contains whitespace, a {@code ;}, a
   *     {@code ,} or a control character
   */
  public static Credentials session(String cookie) {
    return session(cookie, "Session cookie");
  }

  private static Credentials session(String cookie, String what) {
    if (cookie == null || cookie.isEmpty()) {
      throw new IllegalArgumentException(
          what + " is empty: give the value of the lightpane_session cookie.");
    }
    if (cookie.indexOf(';') >= 0 || cookie.startsWith("Cookie:")) {
      throw new IllegalArgumentException(
          what
              + " looks like a whole Cookie header: give only the value of lightpane_session (or"
              + " lightpane_session=<value>).");
    }
    checkCharacters(cookie, what);
    String value =
        cookie.startsWith(SESSION_COOKIE_NAME + "=")
            ? cookie.substring(SESSION_COOKIE_NAME.length() + 1)
            : cookie;
    if (value.isEmpty()) {
      throw new IllegalArgumentException(what + " has the name lightpane_session but no value.");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ';' || c == ',' || c == '"' || c == '\\') {
        throw new IllegalArgumentException(
            what
                + " contains '"
                + c
                + "', which cannot be part of a cookie value: give only the value of"
                + " lightpane_session (or lightpane_session=<value>), not a whole Cookie header.");
      }
    }
    return new Credentials(Kind.SESSION, value, what);
  }

  private static void checkCharacters(String secret, String what) {
    for (int i = 0; i < secret.length(); i++) {
      char c = secret.charAt(i);
      if (c == '\n' || c == '\r') {
        throw new IllegalArgumentException(
            what
                + " contains a line break at position "
                + (i + 1)
                + " of "
                + secret.length()
                + " (a trailing newline from a file or a copy?): remove it.");
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        throw new IllegalArgumentException(
            what
                + " contains whitespace at position "
                + (i + 1)
                + " of "
                + secret.length()
                + ": remove it.");
      }
      if (Character.isISOControl(c) || c > 0x7e) {
        throw new IllegalArgumentException(
            what
                + " contains a control or non-ASCII character at position "
                + (i + 1)
                + ": copy it again.");
      }
    }
  }

  /**
   * No credential: the read-only demo account, which may call {@code /discovery} only.
   *
   * @return the anonymous credentials, the same instance each time
   */
  public static Credentials anonymous() {
    return ANONYMOUS;
  }

  /**
   * The default chain over the process environment: {@code LIGHTPANE_API_KEY} if set, else {@code
   * LIGHTPANE_SESSION} if set, else anonymous. A variable set to an empty string counts as unset.
   *
   * @return the credentials the environment gives, or {@link #anonymous()}
   * @throws IllegalArgumentException if the chosen variable holds a malformed value (the message
   *     names the variable)
   */
  public static Credentials defaultChain() {
    return fromEnvironment(System.getenv());
  }

  /**
   * The default chain over the given variables (the same rules as {@link #defaultChain()}); for
   * tests and for callers with their own configuration source.
   *
   * @param environment variable names to values; only {@code LIGHTPANE_API_KEY} and {@code
   *     LIGHTPANE_SESSION} are read
   * @return the credentials the variables give, or {@link #anonymous()}
   * @throws IllegalArgumentException if the chosen variable holds a malformed value (the message
   *     names the variable)
   * @throws NullPointerException if the map is null
   */
  public static Credentials fromEnvironment(Map<String, String> environment) {
    Objects.requireNonNull(environment, "environment");
    String key = environment.get(API_KEY_ENV);
    if (key != null && !key.isEmpty()) {
      return apiKey(key, API_KEY_ENV);
    }
    String session = environment.get(SESSION_ENV);
    if (session != null && !session.isEmpty()) {
      return session(session, SESSION_ENV);
    }
    return ANONYMOUS;
  }

  /** {@return what kind of credential this is} */
  public Kind kind() {
    return kind;
  }

  /**
   * Where the credential came from, for messages: {@code LIGHTPANE_API_KEY}, {@code
   * LIGHTPANE_SESSION}, {@code API key}, {@code Session cookie} or {@code anonymous}.
   *
   * @return the source's name; never the secret
   */
  public String source() {
    return source;
  }

  /**
   * The raw secret (the token, or the session cookie's value), or null when anonymous. Only the
   * client's transport needs it; never log or print it.
   *
   * @return the secret, without the cookie's name for a session
   */
  public String reveal() {
    return secret;
  }

  /**
   * {@return the secret in masked form, such as {@code csl_ak_...9hIx}}; a session's is {@code
   * lightpane_session=...}, and anonymous credentials give {@code anonymous}.
   */
  public String masked() {
    if (kind == Kind.ANONYMOUS) {
      return "anonymous";
    }
    return kind == Kind.SESSION ? SESSION_COOKIE_NAME + "=" + mask(secret) : mask(secret);
  }

  /**
   * Masks a secret for display: a LightPane token keeps its prefix and its last four characters
   * ({@code csl_ak_...9hIx}, the same form as a grant record's {@code token_prefix}); anything else
   * of 16 characters or more keeps only its last four ({@code ...9hIx}); shorter values become
   * {@code ****}. Null gives {@code null}.
   *
   * @param secret a token, cookie value or any other secret, or null
   * @return the masked form, safe to print
   */
  public static String mask(String secret) {
    if (secret == null) {
      return null;
    }
    for (String prefix : KEY_PREFIXES) {
      if (secret.startsWith(prefix) && secret.length() >= prefix.length() + 12) {
        return prefix + "..." + secret.substring(secret.length() - 4);
      }
    }
    if (secret.length() >= 16) {
      return "..." + secret.substring(secret.length() - 4);
    }
    return "****";
  }

  /** The kind and the masked secret; never the secret. */
  @Override
  public String toString() {
    return "Credentials[" + kind + ", " + masked() + "]";
  }

  /** Equal when kind and secret are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Credentials
        && ((Credentials) o).kind == kind
        && Objects.equals(((Credentials) o).secret, secret);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, secret);
  }
}
