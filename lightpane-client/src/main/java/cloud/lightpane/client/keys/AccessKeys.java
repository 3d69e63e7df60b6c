package cloud.lightpane.client.keys;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Access-key management, from {@code client.keys()}. Every call needs a session ({@code
 * Credentials.session(...)}); a bearer key is answered with {@code AuthenticationException} ({@code
 * Session required}).
 *
 * <p>{@link #list()} and {@link #revoke(String)} are retried like discovery (revoking twice is
 * harmless). {@link #create(CreateKeyRequest)} is retried only when the request provably never
 * reached the server (the connection was refused or timed out), so that a retry can never create a
 * second key.
 */
public interface AccessKeys {

  /**
   * Lists the caller's keys.
   *
   * @return every key of the session's user, revoked ones included (with {@code revoked} true)
   * @throws cloud.lightpane.client.AuthenticationException if the credentials are not a valid
   *     session
   */
  List<AccessKey> list();

  /**
   * Creates a key.
   *
   * @param request the key's type, label and optional scope
   * @return the new key's record and its one-time token: store the token now, the server never
   *     returns it again
   * @throws cloud.lightpane.client.BadRequestException if the server refuses a field, such as an
   *     unknown constraint or an account that is not the user's
   * @throws cloud.lightpane.client.AuthenticationException if the credentials are not a valid
   *     session
   */
  CreatedKey create(CreateKeyRequest request);

  /**
   * Revokes a key. Revoking a revoked key succeeds again with the same record.
   *
   * @param grantId the key's id, {@link AccessKey#grantId()}
   * @return the record, now with {@code revoked} true
   * @throws cloud.lightpane.client.NotFoundException if there is no such key of the caller's
   */
  AccessKey revoke(String grantId);

  /**
   * {@link #list()} without blocking.
   *
   * @return a future of the keys, failing with the exceptions {@link #list()} throws
   */
  CompletableFuture<List<AccessKey>> listAsync();

  /**
   * {@link #create(CreateKeyRequest)} without blocking.
   *
   * @param request the key's type, label and optional scope
   * @return a future of the new key, failing with the exceptions {@link #create} throws
   */
  CompletableFuture<CreatedKey> createAsync(CreateKeyRequest request);

  /**
   * {@link #revoke(String)} without blocking.
   *
   * @param grantId the key's id
   * @return a future of the revoked record, failing with the exceptions {@link #revoke} throws
   */
  CompletableFuture<AccessKey> revokeAsync(String grantId);
}
