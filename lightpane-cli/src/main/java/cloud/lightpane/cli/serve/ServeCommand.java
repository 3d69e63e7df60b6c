package cloud.lightpane.cli.serve;

import cloud.lightpane.cli.kernel.CliContext;
import cloud.lightpane.cli.kernel.CommandFailure;
import cloud.lightpane.cli.kernel.ExitCodes;
import cloud.lightpane.cli.kernel.LocalCommand;
import cloud.lightpane.stub.StubServer;
import cloud.lightpane.stub.inventory.Inventory;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lightpane serve}: the reference server in the foreground until Ctrl-C. Prints its base URL
 * and {@code lightpane_session=<value>} on stdout, so a script can read both.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run the reference server (the whole API, with demo data) in the foreground until Ctrl-C.",
      "Prints its URL and the demo user's lightpane_session=<value> on stdout."
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

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "TCP port; 0 picks a free one (default 8787).")
  int port = 8787;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      description = "Address to listen on (default 127.0.0.1).")
  String bind = "127.0.0.1";

  @Option(
      names = "--fixtures",
      paramLabel = "DIR|FILE",
      description =
          "Serve this fixture directory, or a snapshot file written by discover -o jsonl"
              + " (or -o json), instead of the demo data.")
  Path fixtures;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Keep keys (hashes only) in this directory across restarts.")
  Path dataDir;

  @Option(
      names = "--rows-per-service",
      paramLabel = "N",
      description = "Synthetic inventory: N generated rows per service and region (benchmarks).")
  Long rowsPerService;

  @Option(
      names = "--default-rate-limit",
      paramLabel = "RPM",
      description = "Limit for keys without rate_limit_rpm, and for anonymous callers.")
  Integer defaultRateLimit;

  @Option(
      names = "--trust-proxy",
      paramLabel = "CIDR",
      description = "Believe X-Forwarded-For from these peers; repeatable.")
  List<String> trustProxy = new ArrayList<>();

  @Option(
      names = "--fault",
      paramLabel = "SPEC",
      description = {
        "Misbehave on purpose; repeatable. SPEC: KIND[:VALUE][,first=N|,every=N|,rate=P]"
            + "[,retry-after=S][,on=discovery|keys|all], KIND: status:CODE, latency:DURATION,"
            + " reset, truncate, drip:DURATION."
      })
  List<String> faults = new ArrayList<>();

  @Option(
      names = "--fault-seed",
      paramLabel = "N",
      description = "Seed choosing the requests of rate=P faults (default 0).")
  long faultSeed;

  @Option(names = "--log-requests", description = "One line per request on stderr (tokens masked).")
  boolean logRequests;

  public ServeCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    if (fixtures != null && rowsPerService != null) {
      throw new CommandFailure(ExitCodes.USAGE, "Use --fixtures or --rows-per-service, not both");
    }
    if (rowsPerService != null && rowsPerService < 0) {
      throw new CommandFailure(ExitCodes.USAGE, "--rows-per-service must be 0 or more");
    }
    StubServer.Builder builder = StubServer.builder().port(port).bindAddress(bind);
    try {
      if (fixtures != null) {
        builder.fixtures(fixtures);
      } else if (rowsPerService != null) {
        builder.inventory(Inventory.synthetic(rowsPerService));
      }
    } catch (RuntimeException e) {
      throw new CommandFailure(
          ExitCodes.USAGE, "Cannot load --fixtures " + fixtures + ": " + e.getMessage(), e);
    }
    try {
      faults.forEach(builder::fault);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(ExitCodes.USAGE, "--fault: " + e.getMessage(), e);
    }
    builder.faultSeed(faultSeed);
    if (dataDir != null) {
      builder.dataDir(dataDir);
    }
    if (defaultRateLimit != null) {
      builder.defaultRateLimit(defaultRateLimit);
    }
    for (String cidr : trustProxy) {
      builder.trustProxy(cidr);
    }
    if (logRequests) {
      builder.requestLog(new PrintStream(new ErrOutput(context), true, StandardCharsets.UTF_8));
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
