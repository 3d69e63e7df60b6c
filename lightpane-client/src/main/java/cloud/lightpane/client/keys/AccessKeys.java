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

  /** The caller's keys, revoked ones included (with {@code revoked} true). */
  List<AccessKey> list();

  /** Creates a key; the result holds its one-time token. */
  CreatedKey create(CreateKeyRequest request);

  /**
   * Revokes a key. Revoking a revoked key succeeds again with the same record.
   *
   * @return the record, now with {@code revoked} true
   * @throws cloud.lightpane.client.NotFoundException if there is no such key of the caller's
   */
  AccessKey revoke(String grantId);

  /** {@link #list()} without blocking. */
  CompletableFuture<List<AccessKey>> listAsync();

  /** {@link #create(CreateKeyRequest)} without blocking. */
  CompletableFuture<CreatedKey> createAsync(CreateKeyRequest request);

  /** {@link #revoke(String)} without blocking. */
  CompletableFuture<AccessKey> revokeAsync(String grantId);
}
