package cloud.lightpane.cli.manual;

import cloud.lightpane.cli.kernel.ExitCodes;
import cloud.lightpane.cli.settings.SettingKey;
import cloud.lightpane.client.config.ClientSetting;
import cloud.lightpane.client.config.ProfileStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The exit codes and environment variables, as sections of every command's help; the man pages made
 * at build time take them from the same place, so help, man pages and {@link ExitCodes} say the
 * same thing.
 */
public final class ManualSections {
  /** The key of the environment section in picocli's help layout. */
  public static final String ENVIRONMENT = "environment";

  /** Exit code to meaning, as documented. */
  public static final Map<String, String> EXIT_CODES = exitCodes();

  /** Variable to meaning, in the order a user looks for them. */
  public static final Map<String, String> ENVIRONMENT_VARIABLES = environment();

  private ManualSections() {}

  /** The key of the section that lists the global options a subcommand inherits. */
  public static final String GLOBAL_OPTIONS = "globalOptions";

  /** Adds the sections to {@code command} and to every subcommand it has. */
  public static void addTo(CommandLine command) {
    UsageMessageSpec usage = command.getCommandSpec().usageMessage();
    usage.exitCodeListHeading("%nExit codes:%n");
    usage.exitCodeList(EXIT_CODES);
    if (!usage.sectionKeys().contains(ENVIRONMENT)) {
      List<String> keys = new ArrayList<>(usage.sectionKeys());
      keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_OPTION_LIST) + 1, GLOBAL_OPTIONS);
      keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST) + 1, ENVIRONMENT);
      usage.sectionKeys(keys);
      usage.sectionMap().put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, new OptionList(false));
      usage.sectionMap().put(GLOBAL_OPTIONS, new OptionList(true));
      usage.sectionMap().put(ENVIRONMENT, new EnvironmentSection());
    }
    for (CommandLine sub : command.getSubcommands().values()) {
      addTo(sub);
    }
  }

  /**
   * A command's own options, or (under a heading of their own) the global ones it inherits from the
   * top command, which are the same on every command.
   */
  private static final class OptionList implements CommandLine.IHelpSectionRenderer {
    private final boolean inherited;

    OptionList(boolean inherited) {
      this.inherited = inherited;
    }

    @Override
    public String render(CommandLine.Help help) {
      List<OptionSpec> options = new ArrayList<>();
      for (OptionSpec option : help.commandSpec().options()) {
        if (!option.hidden() && option.inherited() == inherited) {
          options.add(option);
        }
      }
      if (!inherited) {
        return help.optionListExcludingGroups(options);
      }
      return options.isEmpty()
          ? ""
          : String.format("%nGlobal options (before or after the command name):%n")
              + help.optionListExcludingGroups(options);
    }
  }

  /** A class, not a lambda: every run builds these sections, and a lambda costs start-up. */
  private static final class EnvironmentSection implements CommandLine.IHelpSectionRenderer {
    @Override
    public String render(CommandLine.Help help) {
      return environmentText();
    }
  }

  private static String environmentText() {
    StringBuilder text = new StringBuilder(String.format("%nEnvironment:%n"));
    int width = 0;
    for (String name : ENVIRONMENT_VARIABLES.keySet()) {
      width = Math.max(width, name.length());
    }
    for (Map.Entry<String, String> variable : ENVIRONMENT_VARIABLES.entrySet()) {
      text.append(
          String.format("  %-" + width + "s  %s%n", variable.getKey(), variable.getValue()));
    }
    return text.toString();
  }

  private static Map<String, String> exitCodes() {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put(ExitCodes.OK + "", "Success, including an empty result.");
    codes.put(ExitCodes.INTERNAL + "", "Unexpected internal error.");
    codes.put(ExitCodes.USAGE + "", "Usage error: unknown option, missing argument, bad value.");
    codes.put(ExitCodes.REJECTED + "", "Request rejected by the API (400, 404, 405, 413, 415).");
    codes.put(ExitCodes.AUTH + "", "Authentication or permission (401, 403).");
    codes.put(ExitCodes.RATE_LIMITED + "", "Rate limited (429 once retries are spent).");
    codes.put(
        ExitCodes.SERVER + "", "Server error (5xx once retries are spent) or invalid response.");
    codes.put(ExitCodes.NETWORK + "", "Network: cannot connect, timed out.");
    codes.put(ExitCodes.FINDINGS + "", "Findings: diff or --compare-to found a difference.");
    codes.put(ExitCodes.INTERRUPTED + "", "Interrupted (Ctrl-C).");
    return java.util.Collections.unmodifiableMap(codes);
  }

  private static Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    // The client's settings: names and defaults as the client defines them.
    env.put(ClientSetting.API_KEY.env(), "Access key (csl_ak_..., csl_em_..., csl_dm_...).");
    env.put(ClientSetting.SESSION.env(), "Session cookie value, for keys commands.");
    env.put(
        ClientSetting.BASE_URL.env(),
        "API address (default " + ClientSetting.BASE_URL.defaultValue() + ").");
    env.put(
        ClientSetting.PROFILE_ENV,
        "Profile to use (default '" + ProfileStore.DEFAULT_PROFILE + "').");
    env.put("LIGHTPANE_REGION", "Default region(s) of discover, comma-separated.");
    env.put("LIGHTPANE_OUTPUT", "Default output format: table, csv, json, jsonl.");
    env.put(
        ClientSetting.TIMEOUT.env(),
        "Longest wait to connect, for a first byte or between bytes (default "
            + ClientSetting.TIMEOUT.defaultValue()
            + ").");
    env.put(
        SettingKey.MAX_TIME.env(), "Longest time for a whole command, retries included (none).");
    env.put(SettingKey.ALLOW_INSECURE_HTTP.env(), "true: credentials may go over plain http.");
    env.put(
        ClientSetting.RETRIES.env(),
        "Retries of a failed request (default " + ClientSetting.RETRIES.defaultValue() + ").");
    env.put(
        ClientSetting.BATCHES_IN_FLIGHT.env(),
        "Batches of one discovery sent at once, 1 to 16 (default "
            + ClientSetting.BATCHES_IN_FLIGHT.defaultValue()
            + ").");
    env.put(
        ProfileStore.CONFIG_DIR_ENV,
        "Configuration directory (default $XDG_CONFIG_HOME/lightpane).");
    env.put("XDG_CONFIG_HOME", "Base of the configuration directory (default ~/.config).");
    env.put("XDG_STATE_HOME", "Base of the shell's history (default ~/.local/state).");
    env.put(
        "HTTPS_PROXY, NO_PROXY",
        "Proxy and its exceptions, as curl reads them; http://user:pass@host:port sends Basic"
            + " credentials to the proxy.");
    env.put("NO_COLOR", "Any value but empty: no colour, even with CLICOLOR_FORCE.");
    env.put("CLICOLOR_FORCE", "Not empty or 0: colour even when piped (tables).");
    env.put("COLUMNS", "The terminal's width for tables (a piped table is never cut).");
    env.put(ClientSetting.LOG_ENV, "debug: the HTTP trace on stderr, as -v.");
    env.put("LIGHTPANE_JAVA_OPTS", "Extra JVM options for the ./lightpane launcher.");
    return java.util.Collections.unmodifiableMap(env);
  }
}
