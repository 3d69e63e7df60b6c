package cloud.lightpane.client.config;

import cloud.lightpane.client.LightPaneClient;
import cloud.lightpane.client.auth.Credentials;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * A setting of the client, with its key in profile files, its environment variable and its default,
 * each written here once: {@link LightPaneClient#fromEnv()}, {@link
 * LightPaneClient.Builder#profile(String)} and the {@code lightpane} command all read them from
 * here. Precedence everywhere: a value set in code (or a command-line flag), then the environment
 * variable, then the profile, then the default.
 */
public enum ClientSetting {
  /** The API root: {@code base_url}, {@code LIGHTPANE_BASE_URL}, default the shared service. */
  BASE_URL("base_url", "LIGHTPANE_BASE_URL", LightPaneClient.DEFAULT_BASE_URL.toString()),
  /** An access key: {@code api_key}, {@code LIGHTPANE_API_KEY}; a secret. */
  API_KEY("api_key", Credentials.API_KEY_ENV, null),
  /** A session cookie's value: {@code session}, {@code LIGHTPANE_SESSION}; a secret. */
  SESSION("session", Credentials.SESSION_ENV, null),
  /**
   * The request timeout per attempt (and the connect timeout, up to 10 s): {@code timeout}, {@code
   * LIGHTPANE_TIMEOUT}, default {@code 60s}.
   */
  TIMEOUT("timeout", "LIGHTPANE_TIMEOUT", text(LightPaneClient.DEFAULT_REQUEST_TIMEOUT)),
  /** Retries after the first attempt: {@code retries}, {@code LIGHTPANE_RETRIES}, default 2. */
  RETRIES("retries", "LIGHTPANE_RETRIES", Integer.toString(LightPaneClient.DEFAULT_MAX_RETRIES)),
  /**
   * The batches of one discovery sent at once ({@link LightPaneClient.Builder#batchesInFlight}):
   * {@code batches_in_flight}, {@code LIGHTPANE_BATCHES_IN_FLIGHT}, default 4.
   */
  BATCHES_IN_FLIGHT(
      "batches_in_flight",
      "LIGHTPANE_BATCHES_IN_FLIGHT",
      Integer.toString(LightPaneClient.DEFAULT_BATCHES_IN_FLIGHT));

  /** The variable that names the profile to use ({@code LIGHTPANE_PROFILE}). */
  public static final String PROFILE_ENV = "LIGHTPANE_PROFILE";

  /**
   * The variable that turns on the traffic log at INFO ({@code LIGHTPANE_LOG=debug}); see {@link
   * LightPaneClient.Builder#logTraffic(boolean)}.
   */
  public static final String LOG_ENV = "LIGHTPANE_LOG";

  private final String key;
  private final String env;
  private final String defaultValue;

  ClientSetting(String key, String env, String defaultValue) {
    this.key = key;
    this.env = env;
    this.defaultValue = defaultValue;
  }

  /** {@return the key in profile files, such as {@code base_url}} */
  public String key() {
    return key;
  }

  /** {@return the environment variable, such as {@code LIGHTPANE_BASE_URL}} */
  public String env() {
    return env;
  }

  /**
   * {@return the default as text ({@code https://api.lightpane.cloud}, {@code 60s}, {@code 2})}, or
   * null for the credentials, which have none.
   */
  public String defaultValue() {
    return defaultValue;
  }

  /**
   * {@return whether the value is a secret}: never printed, never taken as a command-line argument.
   */
  public boolean secret() {
    return this == API_KEY || this == SESSION;
  }

  /**
   * What is wrong with a value for this setting, or null when it is fine; never the value itself
   * for a secret.
   *
   * @param value the value as text, as a profile or a variable holds it
   * @return a message such as {@code retries must be from 0 to 10}, or null when the value is fine
   */
  public String problem(String value) {
    if (value == null || value.isBlank()) {
      return key + " must not be empty";
    }
    switch (this) {
      case BASE_URL:
        try {
          URI uri = new URI(value.strip());
          String scheme = uri.getScheme();
          if (scheme == null
              || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
              || uri.getHost() == null) {
            return "base_url must be an http or https URL such as https://api.lightpane.cloud, not '"
                + value
                + "'";
          }
        } catch (Exception e) {
          return "base_url is not a URL: '" + value + "'";
        }
        return null;
      case TIMEOUT:
        return duration(value) == null
            ? "timeout must be a duration such as 30s, 500ms, 2m or a number of seconds, not '"
                + value
                + "'"
            : null;
      case RETRIES:
        return wholeNumberProblem(value, 0, LightPaneClient.MAX_RETRIES_LIMIT);
      case BATCHES_IN_FLIGHT:
        return wholeNumberProblem(value, 1, LightPaneClient.MAX_BATCHES_IN_FLIGHT);
      default:
        for (int i = 0; i < value.length(); i++) {
          if (Character.isWhitespace(value.charAt(i))) {
            return key + " must not contain spaces or line breaks";
          }
        }
        return null;
    }
  }

  /**
   * What is wrong with {@code value} as a whole number from {@code min} to {@code max}, or null.
   */
  private String wholeNumberProblem(String value, int min, int max) {
    try {
      int number = Integer.parseInt(value.trim());
      return number < min || number > max ? key + " must be from " + min + " to " + max : null;
    } catch (NumberFormatException e) {
      return key + " must be a whole number from " + min + " to " + max + ", not '" + value + "'";
    }
  }

  /**
   * Parses a duration as settings write it: {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h} or a
   * plain number of seconds; case and surrounding white space are ignored.
   *
   * @param text the duration as text, or null
   * @return the duration, or null when the text is null, not a duration, or not positive
   */
  public static Duration duration(String text) {
    if (text == null) {
      return null;
    }
    String value = text.trim().toLowerCase(Locale.ROOT);
    try {
      Duration duration;
      if (value.endsWith("ms")) {
        duration = Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
      } else if (value.endsWith("s")) {
        duration = Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
      } else if (value.endsWith("m")) {
        duration = Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
      } else if (value.endsWith("h")) {
        duration = Duration.ofHours(Long.parseLong(value.substring(0, value.length() - 1)));
      } else {
        duration = Duration.ofSeconds(Long.parseLong(value));
      }
      return duration.isNegative() || duration.isZero() ? null : duration;
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  private static String text(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.getSeconds() + "s" : d.toMillis() + "ms";
  }
}
