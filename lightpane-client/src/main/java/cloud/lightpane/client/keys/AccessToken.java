package cloud.lightpane.client.keys;

import cloud.lightpane.client.auth.Credentials;
import java.util.Objects;

/**
 * The raw token of a key just created. The server returns it once and never again, so store it now
 * (in a secret manager, for example). {@link #toString()} is masked, so logging this object by
 * mistake does not leak it; call {@link #reveal()} to get the token itself.
 */
public final class AccessToken {
  private final String token;

  /**
   * Wraps a raw token.
   *
   * @param token the token as the server returned it; not checked here
   * @throws NullPointerException if the token is null
   */
  public AccessToken(String token) {
    this.token = Objects.requireNonNull(token, "token");
  }

  /**
   * {@return the raw token, such as {@code csl_ak_} followed by 43 characters}. Handle with care.
   */
  public String reveal() {
    return token;
  }

  /**
   * {@return the token as credentials for a client}, checked as {@link Credentials#apiKey(String)}
   * checks it.
   *
   * @throws IllegalArgumentException if the token is not usable as a key
   */
  public Credentials asCredentials() {
    return Credentials.apiKey(token);
  }

  /** {@return the masked token, such as {@code csl_ak_...9hIx}} */
  public String masked() {
    return Credentials.mask(token);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccessToken && ((AccessToken) o).token.equals(token);
  }

  @Override
  public int hashCode() {
    return token.hashCode();
  }

  /** The masked token; never the token itself. */
  @Override
  public String toString() {
    return masked();
  }
}
