package cloud.lightpane.cli.shell;

import cloud.lightpane.cli.candidates.CatalogueValues;
import cloud.lightpane.cli.kernel.CliContext;
import cloud.lightpane.cli.kernel.CommandFailure;
import cloud.lightpane.cli.kernel.CommandTree;
import cloud.lightpane.cli.kernel.ExitCodes;
import cloud.lightpane.cli.kernel.GlobalOptions;
import cloud.lightpane.cli.settings.SettingKey;
import cloud.lightpane.cli.settings.Settings;
import cloud.lightpane.cli.terminal.ScreenText;
import cloud.lightpane.cli.terminal.TerminalFacts;
import cloud.lightpane.client.config.ProfileStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Parser;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The read-run loop of {@code lightpane shell}. Each line runs exactly as {@code lightpane LINE}
 * would ({@link CommandTree#run}), with the shell's global options as defaults and its {@link
 * ConnectionPool} for connections, on a worker thread so that Ctrl-C can cancel it while the prompt
 * stays.
 */
final class InteractiveShell {
  private final CliContext context;
  private final ShellDefaults defaults;
  private final ConnectionPool pool;
  private final Terminal terminal;
  private final CommandTree commands;
  private final CommandSpec tree;
  private final TerminalFacts facts;
  private final ExecutorService workers =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "lightpane-shell-command");
            thread.setDaemon(true);
            return thread;
          });
  private volatile Running running;
  private WarmUp warmUp;

  private record Running(Future<Integer> future, CommandOutput output) {}

  private InteractiveShell(
      CliContext context,
      CommandTree commands,
      ShellDefaults defaults,
      ConnectionPool pool,
      Terminal terminal) {
    this.context = context;
    this.commands = commands;
    this.defaults = defaults;
    this.pool = pool;
    this.terminal = terminal;
    this.tree = commands.build(context).getCommandSpec();
    this.facts = context.terminal();
  }

  /** Runs the shell until Ctrl-D or {@code exit}; returns the exit code of the shell. */
  static int run(
      CliContext context,
      GlobalOptions global,
      CommandTree commands,
      CommandSpec shell,
      boolean warmUpWanted)
      throws IOException {
    if (context.connections() != null) {
      throw new CommandFailure(ExitCodes.USAGE, "Already in the shell");
    }
    Settings settings = global.settings(context, true);
    ShellDefaults defaults = ShellDefaults.of(shell);
    try (ConnectionPool pool = new ConnectionPool()) {
      // The embedded server starts while the terminal and the command tree are being set up.
      CompletableFuture<URI> embedded =
          global.embedded() ? CompletableFuture.supplyAsync(() -> pool.server().uri()) : null;
      try (Terminal terminal =
          TerminalBuilder.builder().name("lightpane").system(true).dumb(true).build()) {
        InteractiveShell session =
            new InteractiveShell(context, commands, defaults, pool, terminal);
        URI baseUrl =
            embedded != null ? started(embedded) : URI.create(settings.get(SettingKey.BASE_URL));
        // Lines piped in (a script feeding the shell) get no prompt: stdout carries data only.
        String prompt =
            context.console() == null
                ? ""
                : "lightpane [" + settings.profile() + " @ " + where(baseUrl) + "]> ";
        return session.loop(prompt, warmUpWanted);
      }
    }
  }

  private static URI started(CompletableFuture<URI> server) {
    try {
      return server.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw e;
    }
  }

  private int loop(String prompt, boolean warmUpWanted) {
    LineReader reader = reader();
    terminal.handle(Terminal.Signal.INT, signal -> cancel());
    if (context.console() != null && warmUpWanted) {
      // Only while a person types: lines piped in come without pauses to fill.
      warmUp = new WarmUp(commands, context.env(), this::currentFacts, WarmUp.DEFAULT_RUNS);
      warmUp.start();
    }
    try {
      while (true) {
        String line;
        try {
          line = reader.readLine(prompt);
        } catch (UserInterruptException e) {
          continue; // Ctrl-C at the prompt clears the line
        } catch (EndOfFileException e) {
          return ExitCodes.OK;
        }
        List<String> words = words(reader, line);
        if (words.isEmpty()) {
          continue;
        }
        if (words.get(0).equals("lightpane")) {
          words.remove(0); // a habit from the one-shot command; harmless here
        }
        if (words.isEmpty()) {
          continue;
        }
        switch (words.get(0)) {
          case "exit", "quit" -> {
            return ExitCodes.OK;
          }
          case "help" -> {
            if (words.size() == 1) {
              help();
            } else {
              words.remove(0);
              words.add("--help");
              execute(words);
            }
          }
          case "shell" -> context.stderr().println("lightpane: Already in the shell");
          default -> execute(words);
        }
      }
    } finally {
      if (warmUp != null) {
        warmUp.close();
      }
      workers.shutdownNow();
      try {
        reader.getHistory().save();
      } catch (IOException e) {
        context.stderr().println("lightpane: Cannot save the history: " + e.getMessage());
      }
    }
  }

  private LineReader reader() {
    DefaultParser parser = new DefaultParser();
    LineReaderBuilder builder =
        LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("lightpane")
            .parser(parser)
            .completer(new CommandCompleter(tree, CatalogueValues.builtIn(), this::profiles))
            .history(new SecretFreeHistory())
            // '!' may be part of a value; no history expansion of it.
            .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
            .option(LineReader.Option.AUTO_GROUP, false);
    if (context.console() == null) {
      return builder.build(); // lines piped in are a script's, not the user's history
    }
    Path file = SecretFreeHistory.location(context.env());
    try {
      SecretFreeHistory.prepare(file);
      builder.variable(LineReader.HISTORY_FILE, file);
    } catch (IOException e) {
      context.stderr().println("lightpane: No history this time: cannot create " + file + ": " + e);
    }
    return builder.build();
  }

  /** The words of a line, quotes removed; never throws on a line the parser dislikes. */
  private static List<String> words(LineReader reader, String line) {
    Parser parser = reader.getParser();
    List<String> words = new ArrayList<>();
    try {
      for (String word :
          parser.parse(line, line.length(), Parser.ParseContext.SPLIT_LINE).words()) {
        words.add(word);
      }
    } catch (RuntimeException e) {
      for (String word : line.trim().split("\\s+")) {
        words.add(word);
      }
    }
    while (!words.isEmpty() && words.get(words.size() - 1).isEmpty()) {
      words.remove(words.size() - 1);
    }
    return words;
  }

  /** Runs one command on a worker thread and waits; Ctrl-C meanwhile cancels it. */
  private void execute(List<String> words) {
    CommandOutput output = new CommandOutput(context.stdout(), context.stderr());
    CliContext command =
        new CliContext(
            output.stdout(),
            output.stderr(),
            InputStream.nullInputStream(),
            context.env(),
            this::currentFacts,
            context.console(),
            pool);
    String[] args = words.toArray(new String[0]);
    if (warmUp != null) {
      warmUp.commandStarting();
    }
    Future<Integer> future = workers.submit(() -> commands.run(args, command, defaults));
    running = new Running(future, output);
    try {
      future.get();
    } catch (CancellationException | InterruptedException e) {
      context.stderr().println("lightpane: cancelled");
    } catch (ExecutionException e) {
      // CommandTree.run never throws; should it ever, say so and keep the shell.
      context.stderr().println("lightpane: " + ScreenText.escape(String.valueOf(e.getCause())));
    } finally {
      running = null;
      context.stderr().flush();
      if (warmUp != null) {
        warmUp.commandEnded();
      }
    }
  }

  /** Ctrl-C while a command runs: cut its output and interrupt it. */
  private void cancel() {
    Running current = running;
    if (current != null) {
      current.output().cut();
      current.future().cancel(true);
    }
  }

  /** The terminal's facts now: the width follows a resized window. */
  private TerminalFacts currentFacts() {
    int width = terminal.getWidth();
    return new TerminalFacts(
        facts.interactive(), width > 0 ? width : facts.width(), facts.colour());
  }

  private void help() {
    PrintWriter out =
        new PrintWriter(new java.io.OutputStreamWriter(context.stdout(), StandardCharsets.UTF_8));
    out.println("Commands (lightpane's, without the prefix; 'help COMMAND' shows its options):");
    for (Map.Entry<String, CommandLine> command : tree.subcommands().entrySet()) {
      String name = command.getKey();
      if (!name.equals("shell") && !name.equals("help")) {
        String[] description = command.getValue().getCommandSpec().usageMessage().description();
        out.printf("  %-12s %s%n", name, description.length == 0 ? "" : description[0]);
      }
    }
    out.println("Shell:");
    out.printf("  %-12s %s%n", "help", "This list.");
    out.printf("  %-12s %s%n", "exit, quit", "Leave the shell (or Ctrl-D).");
    out.println("Tab completes; Ctrl-C cancels the running command or clears the line.");
    out.flush();
  }

  private List<String> profiles() {
    List<String> names = new ArrayList<>();
    names.add(ProfileStore.DEFAULT_PROFILE);
    try {
      for (String name : ProfileStore.locate(context.env()).profiles()) {
        if (!names.contains(name)) {
          names.add(name);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Completion must never fail: offer what is known.
    }
    return names;
  }

  private static String where(URI baseUrl) {
    String authority = baseUrl.getRawAuthority();
    return authority != null ? authority : baseUrl.toString();
  }
}
