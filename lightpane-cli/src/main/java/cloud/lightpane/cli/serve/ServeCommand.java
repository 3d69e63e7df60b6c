package cloud.lightpane.cli.serve;

import cloud.lightpane.cli.kernel.CliContext;
import cloud.lightpane.cli.kernel.CommandFailure;
import cloud.lightpane.cli.kernel.ExitCodes;
import cloud.lightpane.cli.kernel.LocalCommand;
import cloud.lightpane.stub.ServerOptions;
import cloud.lightpane.stub.StubServer;
import cloud.lightpane.stub.inventory.FixtureException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * {@code lightpane serve}: the reference server in the foreground until Ctrl-C. Prints its base URL
 * and {@code lightpane_session=<value>} on stdout, so a script can read both.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    modelTransformer = ServeCommand.ServerFlags.class,
    description = {
      "Run the reference server (the whole API, with demo data) in the foreground until Ctrl-C.",
      "Prints its URL and the demo user's lightpane_session=<value> on stdout; logs one line per",
      "request on stderr (--quiet for none). The options are those of java -jar lightpane-stub.jar."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  lightpane serve --port 8787",
      "  lightpane serve --port 8787 --rows-per-service 1000000",
      "  lightpane serve --fixtures ./inventory --data-dir ./keys",
      "  lightpane serve --fixtures monday.jsonl --fault status:503,first=1",
      "  lightpane serve --fault latency:200ms --fault reset,every=5",
      "  # in another terminal:",
      "  export LIGHTPANE_BASE_URL=http://127.0.0.1:8787",
      "  lightpane discover ec2 --region eu-west-2"
    })
public final class ServeCommand implements Callable<Integer>, LocalCommand {
  private final CliContext context;
  private final CountDownLatch stop = new CountDownLatch(1);

  @Spec CommandSpec spec;

  public ServeCommand(CliContext context) {
    this.context = context;
  }

  /**
   * Adds the reference server's own options ({@link ServerOptions#flags()}) to this command, so
   * that both front ends have the same names, help and defaults; their values are parsed by {@link
   * ServerOptions}, not by picocli. Idempotent: picocli applies it to a command line built from
   * this class, but not to one added as a subcommand, which the command tree transforms itself.
   */
  public static final class ServerFlags implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec command) {
      for (ServerOptions.Flag flag : ServerOptions.flags()) {
        if (command.findOption(flag.name()) != null) {
          continue;
        }
        OptionSpec.Builder option =
            OptionSpec.builder(flag.name()).description(flag.description() + ".");
        if (flag.label().isPresent()) {
          option
              .paramLabel(flag.label().get())
              .arity("1")
              .type(flag.repeatable() ? String[].class : String.class);
        } else {
          option.arity("0").type(boolean.class);
        }
        command.addOption(option.build());
      }
      return command;
    }
  }

  /** The server's options as given, in the order picocli matched them. */
  private List<String> serverArguments() {
    List<String> args = new ArrayList<>();
    for (ServerOptions.Flag flag : ServerOptions.flags()) {
      OptionSpec option = spec.findOption(flag.name());
      if (option == null || !spec.commandLine().getParseResult().hasMatchedOption(option)) {
        continue;
      }
      if (flag.label().isEmpty()) {
        args.add(flag.name());
      } else {
        for (String value :
            spec.commandLine().getParseResult().matchedOption(flag.name()).stringValues()) {
          args.add(flag.name());
          args.add(value);
        }
      }
    }
    return args;
  }

  @Override
  public Integer call() throws Exception {
    ServerOptions options;
    try {
      options = ServerOptions.parse(serverArguments());
    } catch (ServerOptions.UsageException e) {
      throw new CommandFailure(ExitCodes.USAGE, e.getMessage());
    }
    StubServer.Builder builder;
    try {
      builder =
          options.builder(new PrintStream(new ErrOutput(context), true, StandardCharsets.UTF_8));
    } catch (FixtureException e) {
      throw new CommandFailure(
          ExitCodes.USAGE,
          "Cannot load --fixtures " + options.fixtures().orElse(null) + ": " + e.getMessage(),
          e);
    }
    StubServer server;
    try {
      server = builder.build().start();
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(ExitCodes.USAGE, e.getMessage(), e);
    } catch (UncheckedIOException e) {
      // The port is taken, or the data directory cannot be used: the server's message says which.
      boolean port = String.valueOf(e.getMessage()).contains("listen");
      throw new CommandFailure(
          ExitCodes.USAGE,
          "Cannot start the server: "
              + e.getMessage()
              + (port ? " (another server on that port? try --port 0)" : ""),
          e);
    }
    Thread hook =
        new Thread(
            () -> {
              server.close();
              stop.countDown();
            },
            "lightpane-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      context.out().write(server.uri() + "\n");
      context.out().write(server.sessionCookieHeader() + "\n");
      context.out().flush();
      context.stdout().flush();
      context.stderr().println("lightpane: serving " + server.uri() + " until Ctrl-C");
      server.exposureWarning().ifPresent(w -> context.stderr().println("lightpane: warning: " + w));
      context.stderr().flush();
      stop.await();
    } finally {
      server.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // Already shutting down: the hook is running.
      }
    }
    return ExitCodes.OK;
  }

  /** stderr as a byte stream, for the server's request log. */
  private static final class ErrOutput extends java.io.OutputStream {
    private final CliContext context;

    ErrOutput(CliContext context) {
      this.context = context;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      context.stderr().write(new String(bytes, offset, length, StandardCharsets.UTF_8));
    }

    @Override
    public void flush() {
      context.stderr().flush();
    }
  }
}
