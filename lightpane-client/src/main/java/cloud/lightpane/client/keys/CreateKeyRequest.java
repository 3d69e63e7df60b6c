package cloud.lightpane.client.keys;

import cloud.lightpane.client.discovery.Provider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to create with {@code keys().create(...)}: a type and a label, and optionally the accounts,
 * services, constraints, lifetime and account group.
 *
 * <pre>{@code
 * CreateKeyRequest request = CreateKeyRequest.builder(KeyType.API_KEY, "nightly inventory")
 *     .cloudAccount(Provider.AWS, "123456789012")
 *     .allowedServices(List.of("ec2", "s3"))
 *     .expiresInDays(90)
 *     .build();
 * }</pre>
 *
 * <p>Fields not set are left out of the request, so the server applies its defaults: all of the
 * user's accounts, all services, no constraints, and 30 days for {@code api_key}, 365 for {@code
 * embed}, no expiry for {@code demo}.
 */
public final class CreateKeyRequest {
  private final KeyType type;
  private final String label;
  private final List<Map<String, Object>> cloudAccounts;
  private final List<String> allowedServices;
  private final KeyConstraints constraints;
  private final Integer expiresInDays;
  private final String groupId;

  private CreateKeyRequest(Builder b) {
    this.type = b.type;
    this.label = b.label;
    this.cloudAccounts = b.cloudAccounts == null ? null : List.copyOf(b.cloudAccounts);
    this.allowedServices = b.allowedServices == null ? null : List.copyOf(b.allowedServices);
    this.constraints = b.constraints;
    this.expiresInDays = b.expiresInDays;
    this.groupId = b.groupId;
  }

  /**
   * Starts a request for a key of this type with this label.
   *
   * @param type the key type
   * @param label a name for people, 1 to 200 characters; checked by {@link Builder#build()}
   * @return a builder with nothing else set, so the server's defaults apply
   * @throws NullPointerException if the type is null
   */
  public static Builder builder(KeyType type, String label) {
    return new Builder(type, label);
  }

  /** {@return the key type} */
  public KeyType type() {
    return type;
  }

  /** {@return the label, as given} */
  public String label() {
    return label;
  }

  /**
   * {@return the request body in the contract's form}: {@code grant_type} and {@code label}, then
   * only the fields that were set, in the contract's JSON field names.
   */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("grant_type", type.value());
    m.put("label", label);
    if (cloudAccounts != null) {
      m.put("cloud_accounts", cloudAccounts);
    }
    if (allowedServices != null) {
      m.put("allowed_services", allowedServices);
    }
    if (constraints != null) {
      m.put("constraints", constraints.toMap());
    }
    if (expiresInDays != null) {
      m.put("expires_in_days", expiresInDays);
    }
    if (groupId != null) {
      m.put("group_id", groupId);
    }
    return m;
  }

  @Override
  public String toString() {
    return "CreateKeyRequest" + toMap();
  }

  /** Builds a {@link CreateKeyRequest}. */
  public static final class Builder {
    private final KeyType type;
    private final String label;
    private List<Map<String, Object>> cloudAccounts;
    private List<String> allowedServices;
    private KeyConstraints constraints;
    private Integer expiresInDays;
    private String groupId;

    private Builder(KeyType type, String label) {
      this.type = Objects.requireNonNull(type, "type");
      this.label = label;
    }

    /**
     * Binds the key to one of the user's accounts; call once per account. Without any, the key may
     * read all of the user's accounts.
     *
     * @param provider the account's cloud provider
     * @param accountId the account's id at that provider, such as an AWS account number
     * @return this builder
     * @throws IllegalArgumentException if the account id is null or blank
     */
    public Builder cloudAccount(Provider provider, String accountId) {
      Objects.requireNonNull(provider, "provider");
      if (accountId == null || accountId.isBlank()) {
        throw new IllegalArgumentException("Account id is blank for provider " + provider + ".");
      }
      if (cloudAccounts == null) {
        cloudAccounts = new ArrayList<>();
      }
      Map<String, Object> account = new LinkedHashMap<>();
      account.put("provider", provider.value());
      account.put("account_id", accountId);
      cloudAccounts.add(account);
      return this;
    }

    /**
     * Binds the key to one of the user's accounts, the provider by wire value.
     *
     * @param provider the provider's wire value, such as {@code aws}; see {@link Provider#of}
     * @param accountId the account's id at that provider
     * @return this builder
     * @throws IllegalArgumentException if the provider is blank or the account id is null or blank
     */
    public Builder cloudAccount(String provider, String accountId) {
      return cloudAccount(Provider.of(provider), accountId);
    }

    /**
     * The services the key may discover.
     *
     * @param services service ids such as {@code ec2}; null or {@code ["*"]} for all
     * @return this builder
     */
    public Builder allowedServices(List<String> services) {
      this.allowedServices = services == null ? null : new ArrayList<>(services);
      return this;
    }

    /**
     * The key's constraints; see {@link KeyConstraints}.
     *
     * @param constraints the constraints, or null for none
     * @return this builder
     */
    public Builder constraints(KeyConstraints constraints) {
      this.constraints = constraints;
      return this;
    }

    /**
     * The key's lifetime in days; without it the server applies the type's default.
     *
     * @param days from 1 to 3650
     * @return this builder
     * @throws IllegalArgumentException if outside 1 to 3650
     */
    public Builder expiresInDays(int days) {
      if (days < 1 || days > 3650) {
        throw new IllegalArgumentException(
            "expires_in_days must be from 1 to 3650, not " + days + ".");
      }
      this.expiresInDays = days;
      return this;
    }

    /**
     * The account group to bind the key to.
     *
     * @param groupId the group's id, or null for none
     * @return this builder
     */
    public Builder groupId(String groupId) {
      this.groupId = groupId;
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request, immutable
     * @throws IllegalArgumentException if the label is blank or over 200 characters
     */
    public CreateKeyRequest build() {
      if (label == null || label.isBlank()) {
        throw new IllegalArgumentException("Key label is blank: give a name such as 'ci-nightly'.");
      }
      if (label.length() > 200) {
        throw new IllegalArgumentException(
            "Key label is " + label.length() + " characters long; the limit is 200.");
      }
      return new CreateKeyRequest(this);
    }
  }
}
