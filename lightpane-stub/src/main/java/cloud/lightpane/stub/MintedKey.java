package cloud.lightpane.stub;

/**
 * A key made by {@link StubServer#mintKey(KeySpec)}: its grant id and its raw token. {@link
 * #toString()} masks the token, so a key printed by a failing test leaks nothing.
 *
 * @param grantId the grant id (a UUID), for {@code DELETE /keys/{grant_id}}
 * @param token the raw token, e.g. {@code csl_ak_...}; use it as {@code Authorization: Bearer
 *     <token>}
 */
public record MintedKey(String grantId, String token) {

  /**
   * The value of the {@code Authorization} header for this key.
   *
   * @return {@code Bearer } and the token
   */
  public String authorization() {
    return "Bearer " + token;
  }

  @Override
  public String toString() {
    String tail = token.length() > 4 ? token.substring(token.length() - 4) : "";
    return "MintedKey["
        + grantId
        + " "
        + token.substring(0, Math.min(7, token.length()))
        + "..."
        + tail
        + "]";
  }
}
