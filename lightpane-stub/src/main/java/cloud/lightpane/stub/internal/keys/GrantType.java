package cloud.lightpane.stub.internal.keys;

import java.util.Optional;

/** The three kinds of access key, with their token prefix and default lifetime. */
enum GrantType {
  /** Scripts, CI/CD, spreadsheets: 30 days by default. */
  API_KEY("api_key", "csl_ak_", 30),
  /** Web pages seen by people without a login: 365 days by default. */
  EMBED("embed", "csl_em_", 365),
  /** Public demo pages: no expiry by default. */
  DEMO("demo", "csl_dm_", null);

  private final String wireName;
  private final String prefix;
  private final Integer defaultDays;

  GrantType(String wireName, String prefix, Integer defaultDays) {
    this.wireName = wireName;
    this.prefix = prefix;
    this.defaultDays = defaultDays;
  }

  /** The {@code grant_type} value. */
  public String wireName() {
    return wireName;
  }

  /** The token prefix, e.g. {@code csl_ak_}. */
  public String prefix() {
    return prefix;
  }

  /** Days until expiry when the request names none; null for no expiry. */
  public Integer defaultDays() {
    return defaultDays;
  }

  /** The type with this {@code grant_type}. */
  public static Optional<GrantType> of(String wireName) {
    for (GrantType type : values()) {
      if (type.wireName.equals(wireName)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** The type whose tokens start with this token's prefix. */
  public static Optional<GrantType> ofToken(String token) {
    for (GrantType type : values()) {
      if (token.startsWith(type.prefix)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
