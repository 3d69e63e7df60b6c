package cloud.lightpane.cli;

import cloud.lightpane.cli.completion.CompletionCommand;
import cloud.lightpane.cli.config.ConfigCommand;
import cloud.lightpane.cli.diff.DiffCommand;
import cloud.lightpane.cli.diff.RedactCommand;
import cloud.lightpane.cli.discover.DiscoverCommand;
import cloud.lightpane.cli.kernel.CheckedExecution;
import cloud.lightpane.cli.kernel.CliContext;
import cloud.lightpane.cli.kernel.CommandTree;
import cloud.lightpane.cli.kernel.ErrorReporter;
import cloud.lightpane.cli.kernel.ExitCodeMapper;
import cloud.lightpane.cli.kernel.ExitCodes;
import cloud.lightpane.cli.kernel.GlobalOptions;
import cloud.lightpane.cli.kernel.Version;
import cloud.lightpane.cli.keys.KeysCommand;
import cloud.lightpane.cli.manual.ManualSections;
import cloud.lightpane.cli.serve.ServeCommand;
import cloud.lightpane.cli.services.ServicesCommand;
import cloud.lightpane.cli.shell.ShellCommand;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * The top of the command tree: every subcommand is listed here ({@link #COMMANDS}) and only here,
 * so the shell, completion scripts and man pages can all be built from this one tree. It carries
 * the {@link GlobalOptions}, which picocli inherits into every subcommand.
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
    description = {
      "Discover cloud resources through the LightPane API, from a terminal or a script.",
      "The options below apply to every command, before or after its name."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  lightpane discover s3 ec2 --region eu-west-2 --embedded",
      "  lightpane discover ec2 -r eu-west-2 -r us-east-1 -o csv > ec2.csv",
      "  lightpane --profile prod keys list",
      "  lightpane services -p aws",
      "  lightpane serve --port 8787",
      "  lightpane shell --embedded",
      "",
      "See docs/cli.md."
    })
public final class LightpaneCommand implements Callable<Integer> {
  /** Builds and runs the tree for commands that run others (the shell). */
  static final CommandTree TREE = new Tree();

  private final CliContext context;

  @Mixin GlobalOptions global;

  @Spec CommandSpec spec;

  LightpaneCommand(CliContext context, GlobalOptions global) {
    this.context = context;
    this.global = global;
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
    COMMANDS.put("services", ServicesCommand.class);
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
   * The tree needed to run {@code args}: the top command with only the subcommand {@code args} name
   * (after any global options), or with every subcommand when they name none (help, a typo).
   */
  static CommandLine commandLine(CliContext context, String[] args) {
    GlobalOptions global = new GlobalOptions();
    Factory factory = new Factory(context, global);
    CommandLine commandLine = new CommandLine(new LightpaneCommand(context, global), factory);
    String name = args == null ? null : commandName(commandLine.getCommandSpec(), args);
    Class<?> wanted = name == null || name.equals("help") ? null : COMMANDS.get(name);
    try {
      if (wanted != null) {
        commandLine.addSubcommand(name, factory.create(wanted));
      } else {
        for (Map.Entry<String, Class<?>> command : COMMANDS.entrySet()) {
          commandLine.addSubcommand(command.getKey(), factory.create(command.getValue()));
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("Cannot build the command " + name, e);
    }
    for (CommandLine sub : commandLine.getSubcommands().values()) {
      // picocli leaves a subcommand's modelTransformer unapplied when it is added by object.
      if (sub.getCommandSpec().modelTransformer() != null) {
        sub.getCommandSpec().modelTransformer().transform(sub.getCommandSpec());
      }
      GlobalOptions.fitTo(sub.getCommandSpec());
    }
    shareVersion(commandLine, new VersionLine());
    ErrorReporter reporter = new ErrorReporter(context.stderr(), global);
    commandLine
        .setOut(new PrintWriter(context.out()))
        .setErr(context.stderr())
        .setExecutionStrategy(new CheckedExecution(global))
        .setExecutionExceptionHandler(reporter)
        .setParameterExceptionHandler(reporter)
        .setExitCodeExceptionMapper(new ExitCodeMapper());
    ManualSections.addTo(commandLine);
    return commandLine;
  }

  /**
   * The first word of {@code args} that is not a global option or its value: the command to build.
   * Null when something else comes first (an unknown option, which picocli then explains).
   */
  static String commandName(CommandSpec top, String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("-") || arg.equals("-")) {
        return arg;
      }
      if (arg.equals("--")) {
        return null;
      }
      int eq = arg.indexOf('=');
      OptionSpec option = top.findOption(eq > 0 ? arg.substring(0, eq) : arg);
      if (option == null) {
        if (!clusteredFlags(top, arg)) {
          return null;
        }
      } else if (option.arity().max() > 0 && eq < 0) {
        i++; // its value
      }
    }
    return null;
  }

  /** {@code -vv}: short options that take no value, written together. */
  private static boolean clusteredFlags(CommandSpec top, String arg) {
    if (arg.startsWith("--")) {
      return false;
    }
    for (int i = 1; i < arg.length(); i++) {
      OptionSpec option = top.posixOptionsMap().get(arg.charAt(i));
      if (option == null || option.arity().max() > 0) {
        return false;
      }
    }
    return true;
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

  /** The tree for the shell: built whole, run through {@link Main}. */
  private static final class Tree implements CommandTree {
    @Override
    public CommandLine build(CliContext context) {
      return commandLine(context);
    }

    @Override
    public int run(String[] args, CliContext context, CommandLine.IDefaultValueProvider defaults) {
      return Main.run(args, context, defaults);
    }
  }

  /**
   * Makes the commands, handing each constructor what it asks for by type: the run's {@link
   * CliContext}, its {@link GlobalOptions} (the one object every copy of a global option sets) and
   * the {@link CommandTree}. Anything else picocli needs comes from its default factory.
   */
  private static final class Factory implements CommandLine.IFactory {
    private final CliContext context;
    private final GlobalOptions global;

    Factory(CliContext context, GlobalOptions global) {
      this.context = context;
      this.global = global;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        Class<?>[] parameters = constructor.getParameterTypes();
        Object[] values = new Object[parameters.length];
        int given = 0;
        while (given < parameters.length && (values[given] = value(parameters[given])) != null) {
          given++;
        }
        if (parameters.length > 0 && given == parameters.length) {
          constructor.setAccessible(true);
          return type.cast(constructor.newInstance(values));
        }
      }
      return CommandLine.defaultFactory().create(type);
    }

    private Object value(Class<?> parameter) {
      if (parameter == CliContext.class) {
        return context;
      } else if (parameter == GlobalOptions.class) {
        return global;
      } else if (parameter == CommandTree.class) {
        return TREE;
      }
      return null;
    }
  }
}
