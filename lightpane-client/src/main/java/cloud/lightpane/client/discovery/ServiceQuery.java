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
   */
  public static Builder builder(String service) {
    return new Builder(service);
  }

  /** The catalogue service id. */
  public String service() {
    return service;
  }

  /** The provider. */
  public Provider provider() {
    return provider;
  }

  /** The region, such as {@code eu-west-2}, {@code europe-west2} or {@code global}. */
  public String region() {
    return region;
  }

  /** The column keys asked for, in order; empty means all columns. */
  public List<String> attributes() {
    return attributes;
  }

  /** The account alias, for keys bound to an account group; empty when not set. */
  public Optional<String> account() {
    return Optional.ofNullable(account);
  }

  /** The data source ({@code live} or {@code mock}); null means the server's default, live. */
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

    /** The provider (required). */
    public Builder provider(Provider provider) {
      this.provider = provider;
      return this;
    }

    /**
     * The provider by wire value, such as {@code aws} (required).
     *
     * @throws IllegalArgumentException if blank
     */
    public Builder provider(String provider) {
      this.provider = provider == null ? null : Provider.of(provider);
      return this;
    }

    /** The region (required). */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /** The columns to return, in this order; none means all. */
    public Builder attributes(String... attributes) {
      return attributes(attributes == null ? List.of() : Arrays.asList(attributes));
    }

    /** The columns to return, in this order; an empty list or null means all. */
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

    /** The account alias, for keys bound to an account group; null for none. */
    public Builder account(String account) {
      this.account = account;
      return this;
    }

    /** The data source, {@code live} (the server's default) or {@code mock}; null for default. */
    public Builder source(String source) {
      this.source = source;
      return this;
    }

    /**
     * Builds the query.
     *
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
