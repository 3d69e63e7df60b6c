package cloud.lightpane.client.keys;

import java.util.Locale;
import java.util.Objects;

/**
 * The type of an access key ({@code grant_type} on the wire): one of the known constants, or any
 * other value a server sends.
 */
public final class KeyType {
  /** For scripts, CI/CD, Excel and Power Query ({@code api_key}, tokens {@code csl_ak_}). */
  public static final KeyType API_KEY = new KeyType("api_key");

  /** For web pages seen by people without a LightPane login ({@code embed}, {@code csl_em_}). */
  public static final KeyType EMBED = new KeyType("embed");

  /**
   * For public demo pages, restricted scope, no expiry by default ({@code demo}, {@code csl_dm_}).
   */
  public static final KeyType DEMO = new KeyType("demo");

  private final String value;

  private KeyType(String value) {
    this.value = value;
  }

  /**
   * The key type with this wire value, such as {@code api_key}; case is ignored, and {@code -} is
   * read as {@code _} so that {@code api-key} works on a command line.
   *
   * @param value the wire value or a command-line spelling of it
   * @return one of the constants for a known type, else a new type holding the value in lower case
   * @throws IllegalArgumentException if the value is null or blank
   */
  public static KeyType of(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Key type is blank: use api_key, embed or demo.");
    }
    String v = value.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    switch (v) {
      case "api_key":
        return API_KEY;
      case "embed":
        return EMBED;
      case "demo":
        return DEMO;
      default:
        return new KeyType(v);
    }
  }

  /** {@return the wire value, such as {@code api_key}} */
  public String value() {
    return value;
  }

  /** {@return whether this is one of the three known types} */
  public boolean isKnown() {
    return this == API_KEY || this == EMBED || this == DEMO;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyType && ((KeyType) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(value);
  }

  /** The wire value. */
  @Override
  public String toString() {
    return value;
  }
}
