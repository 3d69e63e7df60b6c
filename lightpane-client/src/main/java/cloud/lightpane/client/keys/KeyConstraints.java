package cloud.lightpane.client.keys;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The constraints of an access key. Only the constraints that are set are sent, and a grant record
 * lists only those that are set; an unset one reads as null (or an empty list).
 *
 * <pre>{@code
 * KeyConstraints constraints = KeyConstraints.builder()
 *     .allowedOrigins("https://dashboard.example.com")
 *     .rateLimitRpm(60)
 *     .build();
 * }</pre>
 *
 * <p>The server refuses an unknown constraint or a bad value with {@code Invalid constraint:
 * <name>} (so that a typo never creates an unconstrained key); the client leaves that check to the
 * server.
 */
public final class KeyConstraints {
  private static final KeyConstraints NONE = new KeyConstraints(new Builder());

  private final List<String> allowedOrigins;
  private final List<String> allowedIps;
  private final Integer rateLimitRpm;
  private final Integer maxBatchSize;
  private final Boolean requireReferer;
  private final Map<String, Object> additionalProperties;

  private KeyConstraints(Builder b) {
    this.allowedOrigins = b.allowedOrigins == null ? null : List.copyOf(b.allowedOrigins);
    this.allowedIps = b.allowedIps == null ? null : List.copyOf(b.allowedIps);
    this.rateLimitRpm = b.rateLimitRpm;
    this.maxBatchSize = b.maxBatchSize;
    this.requireReferer = b.requireReferer;
    this.additionalProperties = Collections.unmodifiableMap(new LinkedHashMap<>(b.additional));
  }

  /** {@return constraints with nothing set}, the same instance each time. */
  public static KeyConstraints none() {
    return NONE;
  }

  /** {@return a builder with no constraint set} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return the origins ({@code scheme://host[:port]}) allowed to call with this key}; empty if
   * unset.
   */
  public List<String> allowedOrigins() {
    return allowedOrigins == null ? List.of() : allowedOrigins;
  }

  /** {@return the IP addresses and CIDR ranges allowed to call with this key}; empty if unset. */
  public List<String> allowedIps() {
    return allowedIps == null ? List.of() : allowedIps;
  }

  /** {@return the requests allowed in any 60-second window, or null if unset} */
  public Integer rateLimitRpm() {
    return rateLimitRpm;
  }

  /** {@return the entries allowed in one discovery request, or null if unset} */
  public Integer maxBatchSize() {
    return maxBatchSize;
  }

  /** {@return whether a {@code Referer} header is required, or null if unset} */
  public Boolean requireReferer() {
    return requireReferer;
  }

  /**
   * {@return the constraints this client does not know}, as the server listed them or as given to
   * {@link Builder#other}; unmodifiable.
   */
  public Map<String, Object> additionalProperties() {
    return additionalProperties;
  }

  /** {@return whether no constraint is set, known or other} */
  public boolean isEmpty() {
    return toMap().isEmpty();
  }

  /**
   * {@return the constraints that are set, in the contract's JSON field names}, such as {@code
   * rate_limit_rpm}; the body of a request's {@code constraints}.
   */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (allowedOrigins != null) {
      m.put("allowed_origins", allowedOrigins);
    }
    if (allowedIps != null) {
      m.put("allowed_ips", allowedIps);
    }
    if (rateLimitRpm != null) {
      m.put("rate_limit_rpm", rateLimitRpm);
    }
    if (maxBatchSize != null) {
      m.put("max_batch_size", maxBatchSize);
    }
    if (requireReferer != null) {
      m.put("require_referer", requireReferer);
    }
    m.putAll(additionalProperties);
    return m;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyConstraints && ((KeyConstraints) o).toMap().equals(toMap());
  }

  @Override
  public int hashCode() {
    return Objects.hash(toMap());
  }

  @Override
  public String toString() {
    return "KeyConstraints" + toMap();
  }

  /** Builds {@link KeyConstraints}; every setter is optional. */
  public static final class Builder {
    private List<String> allowedOrigins;
    private List<String> allowedIps;
    private Integer rateLimitRpm;
    private Integer maxBatchSize;
    private Boolean requireReferer;
    private final Map<String, Object> additional = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Origins allowed to call.
     *
     * @param origins each exactly {@code scheme://host[:port]}, such as {@code
     *     https://dashboard.example.com}
     * @return this builder
     */
    public Builder allowedOrigins(String... origins) {
      return allowedOrigins(Arrays.asList(origins));
    }

    /**
     * Origins allowed to call.
     *
     * @param origins each exactly {@code scheme://host[:port]}; null unsets
     * @return this builder
     */
    public Builder allowedOrigins(List<String> origins) {
      this.allowedOrigins = origins == null ? null : new ArrayList<>(origins);
      return this;
    }

    /**
     * IP addresses or CIDR ranges allowed to call.
     *
     * @param ips addresses or ranges, such as {@code 203.0.113.7} or {@code 10.0.0.0/8}
     * @return this builder
     */
    public Builder allowedIps(String... ips) {
      return allowedIps(Arrays.asList(ips));
    }

    /**
     * IP addresses or CIDR ranges allowed to call.
     *
     * @param ips addresses or ranges; null unsets
     * @return this builder
     */
    public Builder allowedIps(List<String> ips) {
      this.allowedIps = ips == null ? null : new ArrayList<>(ips);
      return this;
    }

    /**
     * Requests allowed in any 60-second window.
     *
     * @param rpm the limit, checked by the server; null unsets
     * @return this builder
     */
    public Builder rateLimitRpm(Integer rpm) {
      this.rateLimitRpm = rpm;
      return this;
    }

    /**
     * Entries allowed in one discovery request; a client using the key splits larger ones.
     *
     * @param max the limit, checked by the server; null unsets
     * @return this builder
     */
    public Builder maxBatchSize(Integer max) {
      this.maxBatchSize = max;
      return this;
    }

    /**
     * Whether a {@code Referer} header is required.
     *
     * @param required true to require one; null unsets
     * @return this builder
     */
    public Builder requireReferer(Boolean required) {
      this.requireReferer = required;
      return this;
    }

    /**
     * Any other constraint, sent as given (for constraints newer than this client). The server
     * refuses names it does not know.
     *
     * @param name the constraint's JSON field name; a second call with it replaces the value
     * @param value a JSON value: a string, number, boolean, list or map
     * @return this builder
     * @throws NullPointerException if the name is null
     */
    public Builder other(String name, Object value) {
      additional.put(Objects.requireNonNull(name, "name"), value);
      return this;
    }

    /** {@return the constraints, immutable} */
    public KeyConstraints build() {
      return new KeyConstraints(this);
    }
  }
}
