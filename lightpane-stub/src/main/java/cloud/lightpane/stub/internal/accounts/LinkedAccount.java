package cloud.lightpane.stub.internal.accounts;

import java.util.Objects;

/**
 * A cloud account linked to the demo user.
 *
 * @param provider {@code aws}, {@code gcp} or {@code azure}
 * @param accountId the provider's id (AWS account number, GCP project id, Azure subscription id)
 * @param alias the alias used in a discovery entry's {@code account}, or null when it has none
 */
public record LinkedAccount(String provider, String accountId, String alias) {
  public LinkedAccount {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(accountId, "accountId");
  }
}
