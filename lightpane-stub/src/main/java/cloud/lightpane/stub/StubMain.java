package cloud.lightpane.stub;

import cloud.lightpane.stub.inventory.FixtureException;
import cloud.lightpane.stub.inventory.Inventory;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar lightpane-stub.jar [options]}: runs the reference server until Ctrl-C or
 * SIGTERM. Prints the base URL and {@code lightpane_session=<value>} on stdout, one line per
 * request on stderr.
 */
public final class StubMain {

  static final String USAGE =
      String.join(
          "\n",
          "Usage: java -jar lightpane-stub.jar [options]",
          "",
          "Runs the LightPane reference server until Ctrl-C. Prints its base URL and the demo",
          "session cookie (lightpane_session=...) on stdout; logs one line per request on stderr.",
          "",
          "Options:",
          "  --port N                 port to listen on (default 8787; 0 picks a free port)",
          "  --bind ADDRESS           IP address to listen on (default 127.0.0.1)",
          "  --fixtures DIR|FILE      serve a fixture directory, or a snapshot file recorded with",
          "                           'lightpane discover -o jsonl' (or -o json)",
          "  --rows-per-service N     serve N generated rows per service and region",
          "  --data-dir DIR           keep access keys (hashes only) in DIR across restarts",
          "  --default-rate-limit N   requests per minute for keys without rate_limit_rpm and",
          "                           for anonymous callers (per IP); default: no limit",
          "  --trust-proxy CIDR       trust X-Forwarded-For from peers in CIDR (repeatable)",
          "  --fault SPEC             misbehave on purpose (repeatable), SPEC =",
          "                           KIND[:VALUE][,first=N|,every=N|,rate=P][,retry-after=S]",
          "                           [,on=discovery|keys|all]; KIND = status:CODE,",
          "                           latency:DURATION, reset, truncate or drip:DURATION",
          "  --fault-seed N           seed choosing the requests of rate=P faults (default 0)",
          "  --quiet                  do not log requests",
          "  -h, --help               show this help");

  static final int DEFAULT_PORT = 8787;

  private StubMain() {}

  /**
   * Runs the server; exits 2 on a usage error, 1 when it cannot start.
   *
   * @param args the options, as {@code --help} lists them
   */
  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code >= 0) {
      System.exit(code);
    }
  }

  /**
   * Parses the arguments and runs the server until the JVM is asked to stop.
   *
   * @return an exit code to exit with now, or -1 after a clean stop
   */
  static int run(String[] args, PrintStream out, PrintStream err) {
    StubServer.Builder builder;
    try {
      Options options = Options.parse(args);
      if (options.help) {
        out.println(USAGE);
        return 0;
      }
      builder = options.builder(err);
    } catch (UsageException e) {
      err.println("lightpane-stub: " + e.getMessage());
      err.println("Try --help for the options.");
      return 2;
    } catch (FixtureException e) {
      err.println("lightpane-stub: bad fixture: " + e.getMessage());
      return 2;
    }
    StubServer server;
    try {
      server = builder.build().start();
    } catch (UncheckedIOException e) {
      err.println("lightpane-stub: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  err.println("lightpane-stub: stopped");
                  err.flush();
                  stopped.countDown();
                },
                "lightpane-stub-shutdown"));
    out.println(server.uri());
    out.println(server.sessionCookieHeader());
    out.flush();
    err.println("lightpane-stub: listening on " + server.uri() + " (Ctrl-C to stop)");
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return -1;
  }

  /** A bad command line: the message says which option and what was expected. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message, null, false, false);
    }
  }

  /** The parsed command line. */
  static final class Options {
    boolean help;
    int port = DEFAULT_PORT;
    String bind;
    Path fixtures;
    Long rowsPerService;
    Path dataDir;
    Integer defaultRateLimit;
    final java.util.List<String> trustProxy = new java.util.ArrayList<>();
    final java.util.List<String> faults = new java.util.ArrayList<>();
    long faultSeed;
    boolean quiet;

    static Options parse(String[] args) throws UsageException {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        String name = arg;
        String value = null;
        int eq = arg.indexOf('=');
        if (arg.startsWith("--") && eq > 0) {
          name = arg.substring(0, eq);
          value = arg.substring(eq + 1);
        }
        switch (name) {
          case "-h", "--help" -> o.help = true;
          case "--quiet" -> o.quiet = true;
          case "--port",
              "--bind",
              "--fixtures",
              "--rows-per-service",
              "--data-dir",
              "--default-rate-limit",
              "--trust-proxy",
              "--fault",
              "--fault-seed" -> {
            if (value == null) {
              if (i + 1 >= args.length) {
                throw new UsageException(name + " needs a value");
              }
              value = args[++i];
            }
            o.set(name, value);
          }
          default ->
              throw new UsageException(
                  arg.startsWith("-")
                      ? "unknown option '" + arg + "'"
                      : "unexpected argument '" + arg + "' (options start with --)");
        }
      }
      if (o.fixtures != null && o.rowsPerService != null) {
        throw new UsageException("--fixtures and --rows-per-service cannot be used together");
      }
      return o;
    }

    private void set(String name, String value) throws UsageException {
      switch (name) {
        case "--port" -> port = (int) number(name, value, 0, 65535);
        case "--bind" -> {
          if (cloud.lightpane.stub.internal.limits.IpRange.parseAddress(value).isEmpty()) {
            throw new UsageException(
                "--bind needs an IP address such as 127.0.0.1 or ::1, got '" + value + "'");
          }
          bind = value;
        }
        case "--fixtures" -> fixtures = Path.of(value);
        case "--rows-per-service" -> rowsPerService = number(name, value, 0, 1_000_000_000_000L);
        case "--data-dir" -> dataDir = Path.of(value);
        case "--default-rate-limit" ->
            defaultRateLimit = (int) number(name, value, 1, Integer.MAX_VALUE);
        case "--trust-proxy" -> {
          if (cloud.lightpane.stub.internal.limits.IpRange.parse(value).isEmpty()) {
            throw new UsageException(
                "--trust-proxy needs an IP address or CIDR such as 10.0.0.0/8, got '"
                    + value
                    + "'");
          }
          trustProxy.add(value);
        }
        case "--fault" -> {
          try {
            cloud.lightpane.stub.internal.faults.FaultSpec.parse(value);
          } catch (IllegalArgumentException e) {
            throw new UsageException("--fault: " + e.getMessage());
          }
          faults.add(value);
        }
        case "--fault-seed" -> faultSeed = number(name, value, 0, Long.MAX_VALUE);
        default -> throw new IllegalStateException(name);
      }
    }

    private static long number(String name, String value, long min, long max)
        throws UsageException {
      try {
        long n = Long.parseLong(value.replace("_", ""));
        if (n >= min && n <= max) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new UsageException(
          name + " needs a whole number from " + min + " to " + max + ", got '" + value + "'");
    }

    StubServer.Builder builder(PrintStream log) {
      StubServer.Builder b = StubServer.builder().port(port);
      if (bind != null) {
        b.bindAddress(bind);
      }
      if (fixtures != null) {
        b.fixtures(fixtures);
      } else if (rowsPerService != null) {
        b.inventory(Inventory.synthetic(rowsPerService));
      }
      if (dataDir != null) {
        b.dataDir(dataDir);
      }
      if (defaultRateLimit != null) {
        b.defaultRateLimit(defaultRateLimit);
      }
      trustProxy.forEach(b::trustProxy);
      faults.forEach(b::fault);
      b.faultSeed(faultSeed);
      if (!quiet) {
        b.requestLog(log);
      }
      return b;
    }
  }
}
