package cloud.lightpane.cli.config;

import cloud.lightpane.cli.candidates.Candidates;
import cloud.lightpane.cli.kernel.CliContext;
import cloud.lightpane.cli.kernel.CommandFailure;
import cloud.lightpane.cli.kernel.ExitCodes;
import cloud.lightpane.cli.kernel.GlobalOptions;
import cloud.lightpane.cli.settings.SettingKey;
import cloud.lightpane.cli.settings.Settings;
import cloud.lightpane.client.auth.Credentials;
import cloud.lightpane.client.config.ProfileStore;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lightpane config set|get|list|unset|path}: settings per profile. Secrets ({@code api_key},
 * {@code session}) are never taken as arguments (they would show in {@code ps} and the shell's
 * history): {@code set} prompts for them without echo, or reads them from stdin; and they are never
 * printed back, only masked.
 */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = {
      "Read and change settings of a profile (--profile NAME; default 'default').",
      "Keys: base_url, api_key, session, region, output, timeout, retries, batches_in_flight."
    },
    subcommands = {
      ConfigCommand.Set.class,
      ConfigCommand.Get.class,
      ConfigCommand.ListSettings.class,
      ConfigCommand.Unset.class,
      ConfigCommand.ShowPath.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  lightpane config set base_url https://acme.api.lightpane.cloud",
      "  lightpane config set api_key                  # prompts, no echo",
      "  printf %%s \"$KEY\" | lightpane config set --profile ci api_key",
      "  lightpane config set --profile work region eu-west-2",
      "  lightpane config list --profile work"
    })
public final class ConfigCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec CommandSpec spec;

  public ConfigCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    context.stderr().println("lightpane: config needs a subcommand: set, get, list, unset or path");
    spec.commandLine().usage(context.stderr());
    return ExitCodes.USAGE;
  }

  static SettingKey key(String name) {
    SettingKey key = SettingKey.of(name);
    if (key == null) {
      throw new CommandFailure(
          ExitCodes.USAGE, "Unknown setting '" + name + "': use one of " + SettingKey.names());
    }
    return key;
  }

  static String shown(SettingKey key, String value) {
    return key.secret() ? Credentials.mask(value) : value;
  }

  /** The profile these commands act on: --profile, LIGHTPANE_PROFILE or default. */
  static Settings settings(GlobalOptions global, CliContext context) {
    return global.settings(context, false);
  }

  /** {@code config set KEY [VALUE]}. */
  @Command(
      name = "set",
      mixinStandardHelpOptions = true,
      description =
          "Set KEY in the profile. Secrets: leave VALUE out and type it at the prompt,"
              + " or pipe it on stdin.")
  static final class Set implements Callable<Integer> {
    private final CliContext context;
    private final GlobalOptions global;

    @Parameters(
        index = "0",
        paramLabel = "KEY",
        completionCandidates = Candidates.SettingKeys.class)
    String name;

    @Parameters(index = "1", arity = "0..1", paramLabel = "VALUE")
    String value;

    Set(CliContext context, GlobalOptions global) {
      this.context = context;
      this.global = global;
    }

    @Override
    public Integer call() throws IOException {
      SettingKey key = key(name);
      if (key.secret() && value != null) {
        throw new CommandFailure(
            ExitCodes.USAGE,
            key.key()
                + " is a secret and is never taken on the command line (it would show in ps and"
                + " your shell history): run 'lightpane config set "
                + key.key()
                + "' and type it at the prompt, or pipe it on stdin");
      }
      String newValue = value != null ? value : read(key);
      String problem = key.problem(newValue);
      if (problem != null) {
        throw new CommandFailure(ExitCodes.USAGE, problem);
      }
      Settings settings = settings(global, context);
      ProfileStore store = ProfileStore.locate(context.env());
      Map<String, String> saved = store.read(settings.profile());
      saved.put(key.key(), newValue.trim());
      store.write(settings.profile(), saved);
      context
          .stderr()
          .println(
              "lightpane: "
                  + key.key()
                  + " = "
                  + shown(key, newValue.trim())
                  + " in profile '"
                  + settings.profile()
                  + "' ("
                  + store.file(settings.profile())
                  + ")");
      return ExitCodes.OK;
    }

    private String read(SettingKey key) throws IOException {
      Console console = context.console();
      String read;
      if (console != null) {
        char[] typed =
            key.secret()
                ? console.readPassword("%s: ", key.key())
                : console.readLine("%s: ", key.key()).toCharArray();
        read = typed == null ? null : new String(typed);
      } else {
        read =
            new BufferedReader(new InputStreamReader(context.stdin(), StandardCharsets.UTF_8))
                .readLine();
      }
      if (read == null || read.isBlank()) {
        throw new CommandFailure(ExitCodes.USAGE, "No value for " + key.key() + " was given");
      }
      return read.strip();
    }
  }

  /** {@code config get KEY}. */
  @Command(
      name = "get",
      mixinStandardHelpOptions = true,
      description = "Print the value of KEY in effect, and (on stderr) where it comes from.")
  static final class Get implements Callable<Integer> {
    private final CliContext context;
    private final GlobalOptions global;

    @Parameters(paramLabel = "KEY", completionCandidates = Candidates.SettingKeys.class)
    String name;

    Get(CliContext context, GlobalOptions global) {
      this.context = context;
      this.global = global;
    }

    @Override
    public Integer call() throws IOException {
      SettingKey key = key(name);
      Settings settings = settings(global, context);
      String value = settings.get(key);
      if (value == null) {
        context.stderr().println("lightpane: " + key.key() + " is not set");
        return ExitCodes.OK;
      }
      context.out().write(shown(key, value) + "\n");
      context.stderr().println("lightpane: from " + settings.source(key));
      return ExitCodes.OK;
    }
  }

  /** {@code config list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Print every setting in effect as KEY=VALUE (secrets masked) with its source.")
  static final class ListSettings implements Callable<Integer> {
    private final CliContext context;
    private final GlobalOptions global;

    ListSettings(CliContext context, GlobalOptions global) {
      this.context = context;
      this.global = global;
    }

    @Override
    public Integer call() throws IOException {
      Settings settings = settings(global, context);
      ProfileStore store = ProfileStore.locate(context.env());
      context.out().write("# profile: " + settings.profile() + "\n");
      for (SettingKey key : SettingKey.values()) {
        String value = settings.get(key);
        if (value != null) {
          context
              .out()
              .write(key.key() + "=" + shown(key, value) + "  # " + settings.source(key) + "\n");
        }
      }
      java.util.List<String> profiles = store.profiles();
      if (!profiles.isEmpty()) {
        context.out().write("# profiles: " + String.join(", ", profiles) + "\n");
      }
      return ExitCodes.OK;
    }
  }

  /** {@code config unset KEY}. */
  @Command(
      name = "unset",
      mixinStandardHelpOptions = true,
      description = "Remove KEY from the profile.")
  static final class Unset implements Callable<Integer> {
    private final CliContext context;
    private final GlobalOptions global;

    @Parameters(paramLabel = "KEY", completionCandidates = Candidates.SettingKeys.class)
    String name;

    Unset(CliContext context, GlobalOptions global) {
      this.context = context;
      this.global = global;
    }

    @Override
    public Integer call() throws IOException {
      SettingKey key = key(name);
      Settings settings = settings(global, context);
      ProfileStore store = ProfileStore.locate(context.env());
      Map<String, String> saved = store.read(settings.profile());
      if (saved.remove(key.key()) == null) {
        context
            .stderr()
            .println(
                "lightpane: " + key.key() + " was not set in profile '" + settings.profile() + "'");
        return ExitCodes.OK;
      }
      store.write(settings.profile(), saved);
      context
          .stderr()
          .println(
              "lightpane: removed " + key.key() + " from profile '" + settings.profile() + "'");
      return ExitCodes.OK;
    }
  }

  /** {@code config path}. */
  @Command(
      name = "path",
      mixinStandardHelpOptions = true,
      description = "Print the file of the profile.")
  static final class ShowPath implements Callable<Integer> {
    private final CliContext context;
    private final GlobalOptions global;

    ShowPath(CliContext context, GlobalOptions global) {
      this.context = context;
      this.global = global;
    }

    @Override
    public Integer call() throws IOException {
      Settings settings = settings(global, context);
      context.out().write(ProfileStore.locate(context.env()).file(settings.profile()) + "\n");
      return ExitCodes.OK;
    }
  }
}
