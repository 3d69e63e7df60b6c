package cloud.lightpane.cli.settings;

import cloud.lightpane.cli.render.OutputFormat;
import cloud.lightpane.client.config.ClientSetting;
import cloud.lightpane.client.config.ProfileStore;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of one run, each resolved once: flag, then environment variable, then the profile,
 * then the default. Remembers where each value came from, for {@code -vv} and for messages.
 */
public final class Settings {
  private final String profile;
  private final Map<SettingKey, String> values = new EnumMap<>(SettingKey.class);
  private final Map<SettingKey, String> sources = new EnumMap<>(SettingKey.class);

  private Settings(String profile) {
    this.profile = profile;
  }

  /**
   * Resolves every setting.
   *
   * @param profileFlag {@code --profile}, or null
   * @param flags values given as flags (already read from files where the flag names a file)
   * @param flagNames the flag that set each value, for {@link #source}
   * @param env the environment
   * @param store the profiles
   * @param profileMustExist whether a profile named by flag or environment must exist on disk
   * @throws IllegalArgumentException for an unknown profile or a bad value, with what to do
   */
  public static Settings resolve(
      String profileFlag,
      Map<SettingKey, String> flags,
      Map<SettingKey, String> flagNames,
      Map<String, String> env,
      ProfileStore store,
      boolean profileMustExist)
      throws IOException {
    String profile = profileFlag;
    String profileSource = "--profile";
    if (profile == null) {
      profile = nonEmpty(env.get(ClientSetting.PROFILE_ENV));
      profileSource = ClientSetting.PROFILE_ENV;
    }
    boolean named = profile != null;
    if (profile == null) {
      profile = ProfileStore.DEFAULT_PROFILE;
    }
    ProfileStore.checkName(profile);
    if (named && profileMustExist && !store.exists(profile)) {
      List<String> known = store.profiles();
      throw new IllegalArgumentException(
          "No profile '"
              + profile
              + "' (from "
              + profileSource
              + ") in "
              + store.dir()
              + (known.isEmpty() ? "" : "; known profiles: " + String.join(", ", known))
              + ". Create it with: lightpane config set --profile "
              + profile
              + " KEY VALUE");
    }
    Map<String, String> saved = store.read(profile);
    Settings settings = new Settings(profile);
    for (SettingKey key : SettingKey.values()) {
      String value = nonEmpty(flags.get(key));
      String source = flagNames.getOrDefault(key, "flag");
      if (value == null) {
        value = nonEmpty(env.get(key.env()));
        source = key.env();
      }
      if (value == null) {
        value = nonEmpty(saved.get(key.key()));
        source = "profile '" + profile + "' (" + store.file(profile) + ")";
      }
      if (value == null) {
        value = key.defaultValue();
        source = "default";
      }
      if (value != null) {
        String problem = key.problem(value);
        if (problem != null) {
          throw new IllegalArgumentException(problem + " (from " + source + ")");
        }
        settings.values.put(key, value.trim());
        settings.sources.put(key, source);
      }
    }
    return settings;
  }

  /** The profile in use. */
  public String profile() {
    return profile;
  }

  /** The value of a setting, or null when it has none. */
  public String get(SettingKey key) {
    return values.get(key);
  }

  /** The output format of a command: its {@code -o} when given, else the {@code output} setting. */
  public OutputFormat outputFormat(OutputFormat flag) {
    return flag != null ? flag : OutputFormat.parse(get(SettingKey.OUTPUT));
  }

  /** Where the value came from: a flag, a variable, a profile file or {@code default}. */
  public String source(SettingKey key) {
    return sources.get(key);
  }

  private static String nonEmpty(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
