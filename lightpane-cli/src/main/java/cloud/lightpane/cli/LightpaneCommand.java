package cloud.lightpane.cli;

import cloud.lightpane.cli.config.ConfigCommand;
import cloud.lightpane.cli.diff.DiffCommand;
import cloud.lightpane.cli.diff.RedactCommand;
import cloud.lightpane.cli.discover.DiscoverCommand;
import cloud.lightpane.cli.keys.KeysCommand;
import cloud.lightpane.cli.manual.ManualSections;
import cloud.lightpane.cli.serve.ServeCommand;
import cloud.lightpane.cli.shell.ShellCommand;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top of the command tree: every subcommand is listed here ({@link #COMMANDS}) and only here,
 * so the shell, completion scripts and man pages can all be built from this one tree.
 *
 * <p>Picocli builds a command's model by reflection, and its classes (compiled for Java 5) cannot
 * go into the class-data-sharing archive; so a run builds only the subcommand it was asked for, and
 * the whole tree only for help, completion and mistakes. This halves the start-up of {@code
 * discover}.
 */
@Command(
    name = "lightpane",
    mixinStandardHelpOptions = true,
    versionProvider = LightpaneCommand.VersionLine.class,
    description =
        "Discover cloud resources through the LightPane API, from a terminal or a script.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  lightpane discover s3 ec2 --region eu-west-2 --embedded",
      "  lightpane discover ec2 -r eu-west-2 -r us-east-1 -o csv > ec2.csv",
      "  lightpane keys list",
      "  lightpane serve --port 8787",
      "  lightpane shell --embedded",
      "",
      "See docs/cli.md."
    })
public final class LightpaneCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec CommandSpec spec;

  public LightpaneCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    PrintWriter err = context.stderr();
    err.println("lightpane: missing command");
    spec.commandLine().usage(err);
    return ExitCodes.USAGE;
  }

  /** The subcommands, in the order help lists them. */
  static final Map<String, Class<?>> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("discover", DiscoverCommand.class);
    COMMANDS.put("keys", KeysCommand.class);
    COMMANDS.put("serve", ServeCommand.class);
    COMMANDS.put("diff", DiffCommand.class);
    COMMANDS.put("redact", RedactCommand.class);
    COMMANDS.put("config", ConfigCommand.class);
    COMMANDS.put("shell", ShellCommand.class);
    COMMANDS.put("completion", CompletionCommand.class);
    COMMANDS.put("help", CommandLine.HelpCommand.class);
  }

  /** The whole command tree, wired to {@code context}'s streams and the documented exit codes. */
  public static CommandLine commandLine(CliContext context) {
    return commandLine(context, null);
  }

  /**
   * The tree needed to run {@code args}: the top command with only the subcommand named first in
   * {@code args}, or with every subcommand when the first argument names none (help, a typo).
   */
  static CommandLine commandLine(CliContext context, String[] args) {
    Factory factory = new Factory(context);
    CommandLine commandLine = new CommandLine(new LightpaneCommand(context), factory);
    String first = args == null || args.length == 0 ? null : args[0];
    Class<?> wanted = first == null || first.equals("help") ? null : COMMANDS.get(first);
    try {
      if (wanted != null) {
        commandLine.addSubcommand(first, factory.create(wanted));
      } else {
        for (Map.Entry<String, Class<?>> command : COMMANDS.entrySet()) {
          commandLine.addSubcommand(command.getKey(), factory.create(command.getValue()));
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("Cannot build the command " + first, e);
    }
    shareVersion(commandLine, new VersionLine());
    ErrorReporter reporter = new ErrorReporter(context.stderr());
    commandLine
        .setOut(new PrintWriter(context.out()))
        .setErr(context.stderr())
        .setExecutionExceptionHandler(reporter)
        .setParameterExceptionHandler(reporter)
        .setExitCodeExceptionMapper(new ExitCodeMapper());
    ManualSections.addTo(commandLine);
    return commandLine;
  }

  /** {@code --version} answers the same anywhere in the tree ({@code lightpane discover -V}). */
  private static void shareVersion(CommandLine command, VersionLine version) {
    command.getCommandSpec().versionProvider(version);
    for (CommandLine sub : command.getSubcommands().values()) {
      shareVersion(sub, version);
    }
  }

  /** {@code lightpane 0.1.0}. */
  static String versionLine() {
    return "lightpane " + Version.get();
  }

  /** Picocli's version provider, for {@code --version} anywhere in the tree. */
  static final class VersionLine implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {versionLine()};
    }
  }

  /** Gives every command that wants it the run's {@link CliContext}. */
  private static final class Factory implements CommandLine.IFactory {
    private final CliContext context;

    Factory(CliContext context) {
      this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
      try {
        Constructor<K> constructor = type.getDeclaredConstructor(CliContext.class);
        constructor.setAccessible(true);
        return constructor.newInstance(context);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(type);
      }
    }
  }
}
