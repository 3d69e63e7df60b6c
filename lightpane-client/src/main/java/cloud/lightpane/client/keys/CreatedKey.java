package cloud.lightpane.client.keys;

/**
 * A key just created: its grant record and its one-time token.
 *
 * @param key the grant record, as {@code keys().list()} will show it
 * @param token the raw token; the only time it is available (its {@code toString()} is masked)
 */
public record CreatedKey(AccessKey key, AccessToken token) {}
