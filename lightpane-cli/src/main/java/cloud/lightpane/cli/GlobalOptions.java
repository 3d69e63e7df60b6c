package cloud.lightpane.cli;

import cloud.lightpane.cli.config.ConfigStore;
import cloud.lightpane.cli.config.SettingKey;
import cloud.lightpane.cli.config.Settings;
import cloud.lightpane.cli.terminal.TerminalFacts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options every command takes, as one picocli mixin. Values given here win over the
 * environment, which wins over the profile, which wins over the defaults ({@link Settings}).
 */
public final class GlobalOptions {
  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description = "API address (env LIGHTPANE_BASE_URL; default https://api.lightpane.cloud).")
  String baseUrl;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description = "Settings profile to use (env LIGHTPANE_PROFILE; default 'default').")
  String profile;

  @Option(
      names = "--embedded",
      description =
          "Start the reference server in-process on a loopback port, with its demo data, and use"
              + " it.")
  boolean embedded;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description = "Time allowed per HTTP attempt: 30s, 500ms, 2m (env LIGHTPANE_TIMEOUT; 60s).")
  String timeout;

  @Option(
      names = "--retries",
      paramLabel = "N",
      description = "Retries of a failed request, 0 to 10 (env LIGHTPANE_RETRIES; default 2).")
  String retries;

  @Option(
      names = "--api-key-file",
      paramLabel = "FILE",
      description = "Read the access key from FILE ('-' for stdin) instead of LIGHTPANE_API_KEY.")
  Path apiKeyFile;

  @Option(
      names = {"-v", "--verbose"},
      description = "Show the HTTP exchange (secrets masked) and stack traces on stderr.")
  boolean[] verbose = new boolean[0];

  @Option(names = "--no-color", description = "No colour, even on a terminal (also NO_COLOR).")
  boolean noColor;

  /** How many times {@code -v} was given. */
  public int verbosity() {
    return verbose.length;
  }

  /**
   * Whether the client's HTTP trace goes to stderr: {@code -v}, or {@code LIGHTPANE_LOG} set to
   * {@code debug} (also {@code trace} or {@code all}, the words the client library reads).
   */
  public boolean traced(CliContext context) {
    if (verbosity() > 0) {
      return true;
    }
    String log = context.env("LIGHTPANE_LOG");
    if (log == null) {
      return false;
    }
    String level = log.strip().toLowerCase(java.util.Locale.ROOT);
    return level.equals("debug") || level.equals("trace") || level.equals("all");
  }

  /** Whether {@code --embedded} was given. */
  public boolean embedded() {
    return embedded;
  }

  /** Resolves the settings of this run; a bad value or profile is a usage error. */
  public Settings settings(CliContext context, boolean profileMustExist) {
    Map<SettingKey, String> flags = new EnumMap<>(SettingKey.class);
    Map<SettingKey, String> names = new EnumMap<>(SettingKey.class);
    put(flags, names, SettingKey.BASE_URL, baseUrl, "--base-url");
    put(flags, names, SettingKey.TIMEOUT, timeout, "--timeout");
    put(flags, names, SettingKey.RETRIES, retries, "--retries");
    if (apiKeyFile != null) {
      put(flags, names, SettingKey.API_KEY, readKeyFile(context), "--api-key-file");
    }
    try {
      Settings settings =
          Settings.resolve(
              profile,
              flags,
              names,
              context.env(),
              ConfigStore.locate(context.env()),
              profileMustExist);
      if (verbosity() > 1) {
        for (SettingKey key : SettingKey.values()) {
          if (settings.get(key) != null) {
            String shown = key.secret() ? "(secret)" : settings.get(key);
            context
                .stderr()
                .println(
                    "lightpane: " + key.key() + " = " + shown + " from " + settings.source(key));
          }
        }
      }
      return settings;
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(ExitCodes.USAGE, e.getMessage(), e);
    } catch (IOException e) {
      throw new CommandFailure(
          ExitCodes.USAGE, "Cannot read the configuration: " + e.getMessage(), e);
    }
  }

  /** The terminal facts with {@code --no-color} applied. */
  public TerminalFacts terminal(CliContext context) {
    TerminalFacts facts = context.terminal();
    return noColor ? facts.withoutColour() : facts;
  }

  private String readKeyFile(CliContext context) {
    try {
      byte[] bytes =
          "-".equals(apiKeyFile.toString())
              ? context.stdin().readNBytes(4096)
              : Files.readAllBytes(apiKeyFile);
      String key = new String(bytes, StandardCharsets.UTF_8).strip();
      if (key.isEmpty()) {
        throw new CommandFailure(ExitCodes.USAGE, "The file " + apiKeyFile + " is empty");
      }
      return key;
    } catch (IOException e) {
      throw new CommandFailure(
          ExitCodes.USAGE, "Cannot read --api-key-file " + apiKeyFile + ": " + e.getMessage(), e);
    }
  }

  private static void put(
      Map<SettingKey, String> flags,
      Map<SettingKey, String> names,
      SettingKey key,
      String value,
      String flag) {
    if (value != null) {
      flags.put(key, value);
      names.put(key, flag);
    }
  }
}
