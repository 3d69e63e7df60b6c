package cloud.lightpane.cli.kernel;

import cloud.lightpane.cli.settings.SettingKey;
import cloud.lightpane.cli.settings.Settings;
import cloud.lightpane.cli.terminal.TerminalFacts;
import cloud.lightpane.client.config.ProfileStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * The options of every command, declared once: a mixin of the top command whose options picocli
 * inherits into every subcommand, so each is accepted before or after any command name ({@code
 * lightpane --profile p keys list}, {@code lightpane keys list --profile p}) and every copy sets
 * this one object. Values given here win over the environment, which wins over the profile, which
 * wins over the defaults ({@link Settings}).
 *
 * <p>A {@link LocalCommand} keeps only {@code -v} and {@code --no-color}: {@link #fitTo} removes
 * the others from it, and {@link #check} refuses them when they stand before its name.
 */
public final class GlobalOptions {
  /** The options that still mean something to a command that connects to nothing. */
  private static final Set<String> FOR_LOCAL_COMMANDS = Set.of("--verbose", "--no-color");

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      scope = ScopeType.INHERIT,
      description = "API address (env LIGHTPANE_BASE_URL; default https://api.lightpane.cloud).")
  String baseUrl;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      scope = ScopeType.INHERIT,
      description = "Settings profile to use (env LIGHTPANE_PROFILE; default 'default').")
  String profile;

  @Option(
      names = "--embedded",
      scope = ScopeType.INHERIT,
      description =
          "Start the reference server in-process on a loopback port, with its demo data, and use"
              + " it. Not with --base-url.")
  boolean embedded;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      scope = ScopeType.INHERIT,
      converter = SettingConverter.Timeout.class,
      description =
          "Longest wait to connect, for the first byte and between bytes: 30s, 500ms, 2m (env"
              + " LIGHTPANE_TIMEOUT; 60s).")
  Duration timeout;

  @Option(
      names = "--max-time",
      paramLabel = "DURATION",
      scope = ScopeType.INHERIT,
      converter = SettingConverter.MaxTime.class,
      description =
          "Longest time for the whole command, retries and waits included: 30s, 5m (env"
              + " LIGHTPANE_MAX_TIME; none).")
  Duration maxTime;

  @Option(
      names = "--allow-insecure-http",
      scope = ScopeType.INHERIT,
      description =
          "Send credentials over plain http to a host that is not loopback (warned about; env"
              + " LIGHTPANE_ALLOW_INSECURE_HTTP).")
  boolean allowInsecureHttp;

  @Option(
      names = "--retries",
      paramLabel = "N",
      scope = ScopeType.INHERIT,
      converter = SettingConverter.Retries.class,
      description = "Retries of a failed request, 0 to 10 (env LIGHTPANE_RETRIES; default 2).")
  Integer retries;

  @Option(
      names = "--batches-in-flight",
      paramLabel = "N",
      scope = ScopeType.INHERIT,
      converter = SettingConverter.BatchesInFlight.class,
      description =
          "Batches of one discovery sent at once, 1 to 16; output stays in request order (env"
              + " LIGHTPANE_BATCHES_IN_FLIGHT; default 4).")
  Integer batchesInFlight;

  @Option(
      names = "--api-key-file",
      paramLabel = "FILE",
      scope = ScopeType.INHERIT,
      description = "Read the access key from FILE ('-' for stdin) instead of LIGHTPANE_API_KEY.")
  Path apiKeyFile;

  private int verbosity;

  @Option(
      names = "--no-color",
      scope = ScopeType.INHERIT,
      description = "No colour, even on a terminal (also NO_COLOR).")
  boolean noColor;

  /**
   * One more {@code -v}. A method, not a {@code boolean[]} field: picocli starts the array afresh
   * in each command that has a copy of the option, so {@code -v discover -v} would count one; each
   * call here is one occurrence, wherever it stands (an empty array is picocli resetting the
   * option).
   */
  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Show the HTTP exchange (secrets masked) and stack traces on stderr.")
  void verbose(boolean[] occurrences) {
    verbosity = occurrences == null || occurrences.length == 0 ? 0 : verbosity + 1;
  }

  /** How many times {@code -v} was given, before and after the command name together. */
  public int verbosity() {
    return verbosity;
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

  /**
   * The one check of options that exclude each other, run before any command ({@link
   * CheckedExecution}): {@code --embedded} with {@code --base-url}, and connection options given
   * before the name of a {@link LocalCommand}. Values from the shell's defaults count as given.
   *
   * @param parsed the whole command line, top command first
   * @throws ParameterException a usage error (exit 2) naming the options
   */
  public void check(ParseResult parsed) {
    ParseResult last = parsed;
    while (last.subcommand() != null) {
      last = last.subcommand();
    }
    CommandLine command = last.commandSpec().commandLine();
    if (embedded && baseUrl != null) {
      throw new ParameterException(
          command, "--embedded and --base-url cannot be used together: pick one");
    }
    if (last.commandSpec().userObject() instanceof LocalCommand) {
      for (OptionSpec option : parsed.matchedOptions()) {
        if (!keptByLocalCommands(option)) {
          throw new ParameterException(
              command,
              option.longestName()
                  + " does not apply to '"
                  + last.commandSpec().qualifiedName()
                  + "', which connects to no server: leave it out");
        }
      }
    }
  }

  /**
   * Removes from {@code command} (when it is a {@link LocalCommand}) the inherited options it has
   * no use for, so that its help and completion offer only what it takes.
   */
  public static void fitTo(CommandSpec command) {
    if (!(command.userObject() instanceof LocalCommand)) {
      return;
    }
    for (OptionSpec option : command.options().toArray(new OptionSpec[0])) {
      if (option.inherited() && !keptByLocalCommands(option)) {
        command.remove(option);
      }
    }
  }

  private static boolean keptByLocalCommands(OptionSpec option) {
    return FOR_LOCAL_COMMANDS.contains(option.longestName())
        || option.usageHelp()
        || option.versionHelp();
  }

  /** Resolves the settings of this run; a bad value or profile is a usage error. */
  public Settings settings(CliContext context, boolean profileMustExist) {
    Map<SettingKey, String> flags = new EnumMap<>(SettingKey.class);
    Map<SettingKey, String> names = new EnumMap<>(SettingKey.class);
    put(flags, names, SettingKey.BASE_URL, baseUrl, "--base-url");
    if (timeout != null) {
      put(flags, names, SettingKey.TIMEOUT, SettingConverter.Timeout.text(timeout), "--timeout");
    }
    if (retries != null) {
      put(flags, names, SettingKey.RETRIES, retries.toString(), "--retries");
    }
    if (batchesInFlight != null) {
      put(
          flags,
          names,
          SettingKey.BATCHES_IN_FLIGHT,
          batchesInFlight.toString(),
          "--batches-in-flight");
    }
    if (maxTime != null) {
      put(flags, names, SettingKey.MAX_TIME, SettingConverter.Timeout.text(maxTime), "--max-time");
    }
    put(
        flags,
        names,
        SettingKey.ALLOW_INSECURE_HTTP,
        allowInsecureHttp ? "true" : null,
        "--allow-insecure-http");
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
              ProfileStore.locate(context.env()),
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
