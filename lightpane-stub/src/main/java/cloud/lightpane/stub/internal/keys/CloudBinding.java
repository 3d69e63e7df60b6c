package cloud.lightpane.stub.internal.keys;

/**
 * An account a key may see: {@code {provider, account_id, region}}; the region is always {@code *}
 * for keys created through the API.
 */
public record CloudBinding(String provider, String accountId, String region) {}
