package cloud.lightpane.client.discovery;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a discovery request: which service, on which provider, in which region, and
 * optionally which columns, account alias and data source.
 *
 * <pre>{@code
 * ServiceQuery query = ServiceQuery.builder("s3")
 *     .provider(Provider.AWS)
 *     .region("eu-west-2")
 *     .attributes("bucket_name", "creation_date")
 *     .build();
 * }</pre>
 *
 * <p>Immutable. The server checks service, region and attributes against its catalogue; the client
 * checks only that the required fields are present, so that it keeps working when the catalogue
 * grows.
 */
public final class ServiceQuery {
  private final String service;
  private final Provider provider;
  private final String region;
  private final List<String> attributes;
  private final String account;
  private final String source;

  private ServiceQuery(Builder b) {
    this.service = b.service;
    this.provider = b.provider;
    this.region = b.region;
    this.attributes = b.attributes;
    this.account = b.account;
    this.source = b.source;
  }

  /**
   * Starts a query for a catalogue service id, such as {@code ec2}, {@code s3} or {@code
   * gcp_compute_instances}.
   *
   * @param service the service id; checked by {@link Builder#build()}
   * @return a builder that needs a provider and a region
   */
  public static Builder builder(String service) {
    return new Builder(service);
  }

  /** {@return the catalogue service id} */
  public String service() {
    return service;
  }

  /** {@return the provider} */
  public Provider provider() {
    return provider;
  }

  /** {@return the region, such as {@code eu-west-2}, {@code europe-west2} or {@code global}} */
  public String region() {
    return region;
  }

  /** {@return the column keys asked for, in order}; empty means all columns. */
  public List<String> attributes() {
    return attributes;
  }

  /** {@return the account alias, for keys bound to an account group}; empty when not set. */
  public Optional<String> account() {
    return Optional.ofNullable(account);
  }

  /**
   * {@return the data source ({@code live} or {@code mock})}; null means the server's default,
   * live.
   */
  public String source() {
    return source;
  }

  /** The entry as the contract's JSON object (fields that are not set are left out). */
  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("service", service);
    m.put("provider", provider.value());
    m.put("region", region);
    if (!attributes.isEmpty()) {
      m.put("attributes", attributes);
    }
    if (account != null) {
      m.put("account", account);
    }
    if (source != null) {
      m.put("source", source);
    }
    return m;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ServiceQuery)) {
      return false;
    }
    ServiceQuery q = (ServiceQuery) o;
    return service.equals(q.service)
        && provider.equals(q.provider)
        && region.equals(q.region)
        && attributes.equals(q.attributes)
        && Objects.equals(account, q.account)
        && Objects.equals(source, q.source);
  }

  @Override
  public int hashCode() {
    return Objects.hash(service, provider, region, attributes, account, source);
  }

  @Override
  public String toString() {
    return service + "@" + provider + "/" + region + (attributes.isEmpty() ? "" : attributes);
  }

  /** Builds a {@link ServiceQuery}; {@code provider} and {@code region} are required. */
  public static final class Builder {
    private final String service;
    private Provider provider;
    private String region;
    private List<String> attributes = List.of();
    private String account;
    private String source;

    private Builder(String service) {
      this.service = service;
    }

    /**
     * The provider (required).
     *
     * @param provider the provider; null leaves it unset, which {@link #build()} refuses
     * @return this builder
     */
    public Builder provider(Provider provider) {
      this.provider = provider;
      return this;
    }

    /**
     * The provider by wire value, such as {@code aws} (required).
     *
     * @param provider the wire value, case ignored; null leaves it unset
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder provider(String provider) {
      this.provider = provider == null ? null : Provider.of(provider);
      return this;
    }

    /**
     * The region (required).
     *
     * @param region such as {@code eu-west-2} (aws), {@code europe-west2} (gcp) or {@code global}
     *     for a global service; the server checks it against the catalogue
     * @return this builder
     */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /**
     * The columns to return, in this order.
     *
     * @param attributes column keys; none (or null) means all
     * @return this builder
     * @throws IllegalArgumentException if a key is null or blank
     */
    public Builder attributes(String... attributes) {
      return attributes(attributes == null ? List.of() : Arrays.asList(attributes));
    }

    /**
     * The columns to return, in this order.
     *
     * @param attributes column keys; an empty list or null means all
     * @return this builder
     * @throws IllegalArgumentException if a key is null or blank
     */
    public Builder attributes(List<String> attributes) {
      if (attributes == null) {
        this.attributes = List.of();
        return this;
      }
      for (int i = 0; i < attributes.size(); i++) {
        String a = attributes.get(i);
        if (a == null || a.isBlank()) {
          throw new IllegalArgumentException(
              "Attribute " + (i + 1) + " of " + service + " is blank: give column keys.");
        }
      }
      this.attributes = List.copyOf(attributes);
      return this;
    }

    /**
     * The account to read, for keys bound to an account group.
     *
     * @param account the account's alias in the group; null for none
     * @return this builder
     */
    public Builder account(String account) {
      this.account = account;
      return this;
    }

    /**
     * The data source.
     *
     * @param source {@code live} (the server's default) or {@code mock}; null for the default
     * @return this builder
     */
    public Builder source(String source) {
      this.source = source;
      return this;
    }

    /**
     * Builds the query.
     *
     * @return the query, immutable
     * @throws IllegalArgumentException if service, provider or region is missing or blank
     */
    public ServiceQuery build() {
      if (service == null || service.isBlank()) {
        throw new IllegalArgumentException(
            "Service is blank: give a catalogue id such as ec2, s3 or lambda_functions.");
      }
      if (provider == null) {
        throw new IllegalArgumentException(
            "Provider missing for service " + service + ": use aws, gcp or azure.");
      }
      if (region == null || region.isBlank()) {
        throw new IllegalArgumentException(
            "Region missing for service "
                + service
                + ": give one such as eu-west-2 (aws), europe-west2 (gcp) or global.");
      }
      return new ServiceQuery(this);
    }
  }
}
