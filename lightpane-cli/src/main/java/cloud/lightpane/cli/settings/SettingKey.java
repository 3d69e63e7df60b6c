package cloud.lightpane.cli.settings;

import cloud.lightpane.cli.render.OutputFormat;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * The settings a profile can hold, each with its environment variable. Precedence everywhere: flag,
 * then environment variable, then profile, then default.
 */
public enum SettingKey {
  BASE_URL("base_url", "LIGHTPANE_BASE_URL", false, "https://api.lightpane.cloud"),
  API_KEY("api_key", "LIGHTPANE_API_KEY", true, null),
  SESSION("session", "LIGHTPANE_SESSION", true, null),
  REGION("region", "LIGHTPANE_REGION", false, null),
  OUTPUT("output", "LIGHTPANE_OUTPUT", false, "table"),
  TIMEOUT("timeout", "LIGHTPANE_TIMEOUT", false, "60s"),
  RETRIES("retries", "LIGHTPANE_RETRIES", false, "2");

  private final String key;
  private final String env;
  private final boolean secret;
  private final String defaultValue;

  SettingKey(String key, String env, boolean secret, String defaultValue) {
    this.key = key;
    this.env = env;
    this.secret = secret;
    this.defaultValue = defaultValue;
  }

  /** The name in profiles and in {@code lightpane config}, e.g. {@code base_url}. */
  public String key() {
    return key;
  }

  /** The environment variable, e.g. {@code LIGHTPANE_BASE_URL}. */
  public String env() {
    return env;
  }

  /** Secrets are never printed, never taken as a command-line argument, stored owner-only. */
  public boolean secret() {
    return secret;
  }

  /** The built-in default, or null. */
  public String defaultValue() {
    return defaultValue;
  }

  /** The key named {@code name} ({@code base_url} or {@code base-url}), or null. */
  public static SettingKey of(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    for (SettingKey setting : values()) {
      if (setting.key.equals(wanted)) {
        return setting;
      }
    }
    return null;
  }

  /** All keys, for messages: {@code base_url, api_key, ...}. */
  public static String names() {
    StringBuilder names = new StringBuilder();
    for (SettingKey setting : values()) {
      names.append(names.length() == 0 ? "" : ", ").append(setting.key);
    }
    return names.toString();
  }

  /**
   * Checks a value for this key; returns null when it is fine, else what is wrong with it (never
   * the value itself for a secret).
   */
  public String problem(String value) {
    if (value == null || value.isBlank()) {
      return key + " must not be empty";
    }
    switch (this) {
      case BASE_URL:
        try {
          URI uri = new URI(value);
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
      case OUTPUT:
        return OutputFormat.parse(value) == null
            ? "Unknown output format '" + value + "': use " + OutputFormat.choices()
            : null;
      case TIMEOUT:
        return duration(value) == null
            ? "timeout must be a duration such as 30s, 500ms, 2m or a number of seconds, not '"
                + value
                + "'"
            : null;
      case RETRIES:
        try {
          int retries = Integer.parseInt(value.trim());
          return retries < 0 || retries > 10 ? "retries must be from 0 to 10" : null;
        } catch (NumberFormatException e) {
          return "retries must be a whole number from 0 to 10, not '" + value + "'";
        }
      case API_KEY:
      case SESSION:
        for (int i = 0; i < value.length(); i++) {
          if (Character.isWhitespace(value.charAt(i))) {
            return key + " must not contain spaces or line breaks";
          }
        }
        return null;
      default:
        return null;
    }
  }

  /** Parses {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h} or plain seconds; null if bad. */
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
}
