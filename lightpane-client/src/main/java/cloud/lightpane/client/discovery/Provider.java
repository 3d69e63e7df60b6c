package cloud.lightpane.client.discovery;

import java.util.Locale;
import java.util.Objects;

/**
 * A cloud provider: one of the known constants, or any other value a server sends (an open value,
 * so that a provider added to the service later does not break an older client).
 *
 * <p>Values are lower case on the wire ({@code aws}); {@link #of(String)} lower-cases what it is
 * given, and two providers are equal when their values are.
 */
public final class Provider {
  /** Amazon Web Services ({@code aws}). */
  public static final Provider AWS = new Provider("aws");

  /** Google Cloud ({@code gcp}). */
  public static final Provider GCP = new Provider("gcp");

  /** Microsoft Azure ({@code azure}). */
  public static final Provider AZURE = new Provider("azure");

  private final String value;

  private Provider(String value) {
    this.value = value;
  }

  /**
   * The provider with this wire value, such as {@code aws}; case is ignored.
   *
   * @param value the wire value; surrounding white space is ignored
   * @return one of the constants for a known provider, else a new provider holding the value in
   *     lower case
   * @throws IllegalArgumentException if the value is null or blank
   */
  public static Provider of(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Provider is blank: use aws, gcp or azure.");
    }
    String v = value.strip().toLowerCase(Locale.ROOT);
    switch (v) {
      case "aws":
        return AWS;
      case "gcp":
        return GCP;
      case "azure":
        return AZURE;
      default:
        return new Provider(v);
    }
  }

  /** {@return the wire value, such as {@code aws}} */
  public String value() {
    return value;
  }

  /** {@return whether this is one of {@link #AWS}, {@link #GCP} and {@link #AZURE}} */
  public boolean isKnown() {
    return this == AWS || this == GCP || this == AZURE;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Provider && ((Provider) o).value.equals(value);
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
