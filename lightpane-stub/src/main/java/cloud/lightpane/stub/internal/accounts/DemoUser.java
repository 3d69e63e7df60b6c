package cloud.lightpane.stub.internal.accounts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one user of the reference server (contract, Part B, "Accounts, bindings and groups"): its
 * linked accounts and its account group. Sessions act as this user and every key belongs to it.
 */
public final class DemoUser {

  /** AWS production account, alias {@code prod}. */
  public static final LinkedAccount AWS_PROD = new LinkedAccount("aws", "123456789012", "prod");

  /** AWS staging account, alias {@code staging}. */
  public static final LinkedAccount AWS_STAGING =
      new LinkedAccount("aws", "210987654321", "staging");

  /** The GCP project. */
  public static final LinkedAccount GCP_PROD =
      new LinkedAccount("gcp", "lightpane-demo-prod", null);

  /** The Azure subscription. */
  public static final LinkedAccount AZURE_PROD =
      new LinkedAccount("azure", "3f2c9a8e-5b1d-4c7e-9a2f-6d8e1b0c4a71", null);

  /** The group {@code demo}, holding {@code prod} and {@code staging}. */
  public static final AccountGroup DEMO_GROUP =
      new AccountGroup("demo", List.of("prod", "staging"));

  private static final List<LinkedAccount> ACCOUNTS =
      List.of(AWS_PROD, AWS_STAGING, GCP_PROD, AZURE_PROD);

  private DemoUser() {}

  /** Every linked account, AWS first. */
  public static List<LinkedAccount> accounts() {
    return ACCOUNTS;
  }

  private static final Map<String, List<LinkedAccount>> BY_PROVIDER =
      ACCOUNTS.stream()
          .collect(Collectors.groupingBy(LinkedAccount::provider, Collectors.toUnmodifiableList()));

  /** The linked accounts of one provider (none for a provider the user has not linked). */
  public static List<LinkedAccount> accounts(String provider) {
    return BY_PROVIDER.getOrDefault(provider, List.of());
  }

  /** The linked account with this provider and id. */
  public static Optional<LinkedAccount> account(String provider, String accountId) {
    return ACCOUNTS.stream()
        .filter(a -> a.provider().equals(provider) && a.accountId().equals(accountId))
        .findFirst();
  }

  /** The linked account with this alias. */
  public static Optional<LinkedAccount> byAlias(String alias) {
    return ACCOUNTS.stream().filter(a -> alias.equals(a.alias())).findFirst();
  }

  /** Every account group of the user. */
  public static List<AccountGroup> groups() {
    return List.of(DEMO_GROUP);
  }

  /** The group with this id. */
  public static Optional<AccountGroup> group(String id) {
    return groups().stream().filter(g -> g.id().equals(id)).findFirst();
  }
}
