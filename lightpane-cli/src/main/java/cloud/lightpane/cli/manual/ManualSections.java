package cloud.lightpane.cli.manual;

import cloud.lightpane.cli.ExitCodes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
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

  /** Adds the sections to {@code command} and to every subcommand it has. */
  public static void addTo(CommandLine command) {
    UsageMessageSpec usage = command.getCommandSpec().usageMessage();
    usage.exitCodeListHeading("%nExit codes:%n");
    usage.exitCodeList(EXIT_CODES);
    if (!usage.sectionKeys().contains(ENVIRONMENT)) {
      List<String> keys = new java.util.ArrayList<>(usage.sectionKeys());
      keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST) + 1, ENVIRONMENT);
      usage.sectionKeys(keys);
      usage.sectionMap().put(ENVIRONMENT, new EnvironmentSection());
    }
    for (CommandLine sub : command.getSubcommands().values()) {
      addTo(sub);
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
    env.put("LIGHTPANE_API_KEY", "Access key (csl_ak_..., csl_em_..., csl_dm_...).");
    env.put("LIGHTPANE_SESSION", "Session cookie value, for keys commands.");
    env.put("LIGHTPANE_BASE_URL", "API address (default https://api.lightpane.cloud).");
    env.put("LIGHTPANE_PROFILE", "Profile to use (default 'default').");
    env.put("LIGHTPANE_REGION", "Default region(s) of discover, comma-separated.");
    env.put("LIGHTPANE_OUTPUT", "Default output format: table, csv, json, jsonl.");
    env.put("LIGHTPANE_TIMEOUT", "Time allowed per HTTP attempt (default 60s).");
    env.put("LIGHTPANE_RETRIES", "Retries of a failed request (default 2).");
    env.put(
        "LIGHTPANE_CONFIG_DIR", "Configuration directory (default $XDG_CONFIG_HOME/lightpane).");
    env.put("XDG_CONFIG_HOME", "Base of the configuration directory (default ~/.config).");
    env.put("XDG_STATE_HOME", "Base of the shell's history (default ~/.local/state).");
    env.put("HTTPS_PROXY, NO_PROXY", "Proxy and its exceptions, as curl reads them.");
    env.put("NO_COLOR", "Any value: no colour.");
    env.put("CLICOLOR_FORCE", "Not 0: colour even when piped (tables).");
    env.put("LIGHTPANE_LOG", "debug: the HTTP trace on stderr, as -v.");
    env.put("LIGHTPANE_JAVA_OPTS", "Extra JVM options for the ./lightpane launcher.");
    return java.util.Collections.unmodifiableMap(env);
  }
}
