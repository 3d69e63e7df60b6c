package cloud.lightpane.client.keys;

import cloud.lightpane.client.discovery.Provider;

/**
 * A cloud account an access key may read, and in which region ({@code *} for all).
 *
 * @param provider the account's provider
 * @param accountId the provider's account id, such as {@code 123456789012}
 * @param region the region the binding allows, {@code *} for all
 */
public record CloudBinding(Provider provider, String accountId, String region) {}
