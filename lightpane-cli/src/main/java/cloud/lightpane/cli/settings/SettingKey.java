package cloud.lightpane.cli.settings;

import cloud.lightpane.cli.render.OutputFormat;
import cloud.lightpane.client.config.ClientSetting;
import java.time.Duration;
import java.util.Locale;

/**
 * The settings a profile can hold, each with its environment variable. Precedence everywhere: flag,
 * then environment variable, then profile, then default.
 */
public enum SettingKey {
  BASE_URL(ClientSetting.BASE_URL),
  API_KEY(ClientSetting.API_KEY),
  SESSION(ClientSetting.SESSION),
  REGION("region", "LIGHTPANE_REGION", null),
  OUTPUT("output", "LIGHTPANE_OUTPUT", "table"),
  TIMEOUT(ClientSetting.TIMEOUT),
  RETRIES(ClientSetting.RETRIES),
  BATCHES_IN_FLIGHT(ClientSetting.BATCHES_IN_FLIGHT),
  MAX_TIME("max_time", "LIGHTPANE_MAX_TIME", null),
  ALLOW_INSECURE_HTTP("allow_insecure_http", "LIGHTPANE_ALLOW_INSECURE_HTTP", "false");

  private final String key;
  private final String env;
  private final boolean secret;
  private final String defaultValue;
  private final ClientSetting client;

  /** A setting of the client: its key, variable and default are the client's. */
  SettingKey(ClientSetting client) {
    this.key = client.key();
    this.env = client.env();
    this.secret = client.secret();
    this.defaultValue = client.defaultValue();
    this.client = client;
  }

  /** A setting of the command only. */
  SettingKey(String key, String env, String defaultValue) {
    this.key = key;
    this.env = env;
    this.secret = false;
    this.defaultValue = defaultValue;
    this.client = null;
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
    if (client != null) {
      return client.problem(value);
    }
    if (value == null || value.isBlank()) {
      return key + " must not be empty";
    }
    if (this == MAX_TIME && duration(value) == null) {
      return "max_time must be a duration such as 30s, 2m, 1h or a number of seconds, not '"
          + value
          + "'";
    }
    if (this == ALLOW_INSECURE_HTTP
        && !value.equalsIgnoreCase("true")
        && !value.equalsIgnoreCase("false")) {
      return "allow_insecure_http must be true or false, not '" + value + "'";
    }
    if (this == OUTPUT && OutputFormat.parse(value) == null) {
      return "Unknown output format '" + value + "': use " + OutputFormat.choices();
    }
    return null;
  }

  /** Parses {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h} or plain seconds; null if bad. */
  public static Duration duration(String text) {
    return ClientSetting.duration(text);
  }
}
