package cloud.lightpane.stub;

import cloud.lightpane.stub.internal.faults.FaultSpec;
import cloud.lightpane.stub.internal.limits.IpRange;
import cloud.lightpane.stub.inventory.FixtureException;
import cloud.lightpane.stub.inventory.Inventory;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The command-line options of the reference server, parsed the same way by {@code java -jar
 * lightpane-stub.jar} and by the CLI's {@code lightpane serve}: one list of flags ({@link
 * #flags()}), one parser, one set of defaults. A new flag is one entry in that list.
 *
 * <pre>{@code
 * ServerOptions options = ServerOptions.parse(List.of("--port", "0", "--quiet"));
 * StubServer server = options.builder(System.err).build().start();
 * }</pre>
 */
public final class ServerOptions {

  /** The port when none is given. */
  public static final int DEFAULT_PORT = 8787;

  /** One option: its name, the label of its value ({@code null} for a switch) and its help. */
  public static final class Flag {
    private final String name;
    private final String label;
    private final boolean repeatable;
    private final String description;
    private final Setter setter;

    private Flag(String name, String label, boolean repeatable, String description, Setter setter) {
      this.name = name;
      this.label = label;
      this.repeatable = repeatable;
      this.description = description;
      this.setter = setter;
    }

    /**
     * The option's name, e.g. {@code --port}.
     *
     * @return the name
     */
    public String name() {
      return name;
    }

    /**
     * The label of its value ({@code N}, {@code DIR}...), or empty for a switch.
     *
     * @return the label
     */
    public Optional<String> label() {
      return Optional.ofNullable(label);
    }

    /**
     * Whether it may be given more than once (each value counts).
     *
     * @return whether it is repeatable
     */
    public boolean repeatable() {
      return repeatable;
    }

    /**
     * One line of help, with the default.
     *
     * @return the help line
     */
    public String description() {
      return description;
    }
  }

  @FunctionalInterface
  private interface Setter {
    void set(ServerOptions options, String value) throws UsageException;
  }

  private static final List<Flag> FLAGS =
      List.of(
          new Flag(
              "--port",
              "N",
              false,
              "port to listen on (default " + DEFAULT_PORT + "; 0 picks a free port)",
              (o, v) -> o.port = (int) number("--port", v, 0, 65535)),
          new Flag(
              "--bind",
              "ADDRESS",
              false,
              "IP address to listen on (default 127.0.0.1; anything else is warned about)",
              (o, v) -> {
                if (IpRange.parseAddress(v).isEmpty()) {
                  throw new UsageException(
                      "--bind needs an IP address such as 127.0.0.1 or ::1, got '" + v + "'");
                }
                o.bind = v;
              }),
          new Flag(
              "--fixtures",
              "DIR|FILE",
              false,
              "serve a fixture directory, or a snapshot file recorded with"
                  + " 'lightpane discover -o jsonl' (or -o json)",
              (o, v) -> o.fixtures = Path.of(v)),
          new Flag(
              "--rows-per-service",
              "N",
              false,
              "serve N generated rows per service and region",
              (o, v) -> o.rowsPerService = number("--rows-per-service", v, 0, 1_000_000_000_000L)),
          new Flag(
              "--data-dir",
              "DIR",
              false,
              "keep access keys (hashes only) in DIR across restarts (0700, files 0600)",
              (o, v) -> o.dataDir = Path.of(v)),
          new Flag(
              "--default-rate-limit",
              "N",
              false,
              "requests per minute for keys without rate_limit_rpm and for anonymous callers"
                  + " (per IP); default: no limit",
              (o, v) ->
                  o.defaultRateLimit =
                      (int) number("--default-rate-limit", v, 1, Integer.MAX_VALUE)),
          new Flag(
              "--trust-proxy",
              "CIDR",
              true,
              "trust X-Forwarded-For from peers in CIDR (repeatable)",
              (o, v) -> {
                if (IpRange.parse(v).isEmpty()) {
                  throw new UsageException(
                      "--trust-proxy needs an IP address or CIDR such as 10.0.0.0/8, got '"
                          + v
                          + "'");
                }
                o.trustProxy.add(v);
              }),
          new Flag(
              "--head-timeout",
              "DURATION",
              false,
              "time allowed to send a request's line and headers (default "
                  + seconds(StubServer.DEFAULT_HEAD_TIMEOUT)
                  + ")",
              (o, v) -> o.headTimeout = duration("--head-timeout", v)),
          new Flag(
              "--body-timeout",
              "DURATION",
              false,
              "time allowed to send a request's body (default "
                  + seconds(StubServer.DEFAULT_BODY_TIMEOUT)
                  + ")",
              (o, v) -> o.bodyTimeout = duration("--body-timeout", v)),
          new Flag(
              "--threads",
              "N",
              false,
              "most requests served at once (default " + StubServer.DEFAULT_THREADS + ")",
              (o, v) -> o.threads = (int) number("--threads", v, 1, 10_000)),
          new Flag(
              "--fault",
              "SPEC",
              true,
              "misbehave on purpose (repeatable), SPEC ="
                  + " KIND[:VALUE][,first=N|,every=N|,rate=P][,retry-after=S]"
                  + "[,on=discovery|keys|all]; KIND = status:CODE, latency:DURATION, reset,"
                  + " truncate or drip:DURATION",
              (o, v) -> {
                try {
                  FaultSpec.parse(v);
                } catch (IllegalArgumentException e) {
                  throw new UsageException("--fault: " + e.getMessage());
                }
                o.faults.add(v);
              }),
          new Flag(
              "--fault-seed",
              "N",
              false,
              "seed choosing the requests of rate=P faults (default 0)",
              (o, v) -> o.faultSeed = number("--fault-seed", v, 0, Long.MAX_VALUE)),
          new Flag("--quiet", null, false, "do not log requests", (o, v) -> o.logRequests = false),
          new Flag(
              "--log-requests",
              null,
              false,
              "log one line per request on stderr (the default)",
              (o, v) -> o.logRequests = true));

  private int port = DEFAULT_PORT;
  private String bind;
  private Path fixtures;
  private Long rowsPerService;
  private Path dataDir;
  private Integer defaultRateLimit;
  private final List<String> trustProxy = new ArrayList<>();
  private Duration headTimeout;
  private Duration bodyTimeout;
  private Integer threads;
  private final List<String> faults = new ArrayList<>();
  private long faultSeed;
  private boolean logRequests = true;

  private ServerOptions() {}

  /**
   * Every option, in the order of the help.
   *
   * @return the flags
   */
  public static List<Flag> flags() {
    return FLAGS;
  }

  /**
   * The help lines of the options, aligned, one per flag.
   *
   * @return the help lines
   */
  public static List<String> help() {
    List<String> lines = new ArrayList<>();
    for (Flag flag : FLAGS) {
      String left = flag.name + flag.label().map(l -> " " + l).orElse("");
      lines.add(String.format(Locale.ROOT, "  %-24s %s", left, flag.description));
    }
    return lines;
  }

  /**
   * The defaults.
   *
   * @return the default options
   */
  public static ServerOptions defaults() {
    return new ServerOptions();
  }

  /**
   * Parses options ({@code --name value} or {@code --name=value}).
   *
   * @param args the command line's arguments
   * @return the options
   * @throws UsageException naming the option and what it needs
   */
  public static ServerOptions parse(List<String> args) throws UsageException {
    ServerOptions options = new ServerOptions();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      Flag flag = find(name);
      if (flag == null) {
        throw new UsageException(
            arg.startsWith("-")
                ? "unknown option '" + arg + "'"
                : "unexpected argument '" + arg + "' (options start with --)");
      }
      if (flag.label == null) {
        if (value != null) {
          throw new UsageException(name + " takes no value");
        }
      } else if (value == null) {
        if (i + 1 >= args.size()) {
          throw new UsageException(name + " needs a value");
        }
        value = args.get(++i);
      }
      flag.setter.set(options, value);
    }
    if (options.fixtures != null && options.rowsPerService != null) {
      throw new UsageException("--fixtures and --rows-per-service cannot be used together");
    }
    return options;
  }

  private static Flag find(String name) {
    for (Flag flag : FLAGS) {
      if (flag.name.equals(name)) {
        return flag;
      }
    }
    return null;
  }

  /**
   * Whether requests are logged (the default; {@code --quiet} turns it off).
   *
   * @return whether requests are logged
   */
  public boolean logRequests() {
    return logRequests;
  }

  /**
   * The fixture directory or snapshot file given, if any (for messages).
   *
   * @return the fixtures path, if given
   */
  public Optional<Path> fixtures() {
    return Optional.ofNullable(fixtures);
  }

  /**
   * A server builder with these options, logging requests to {@code log} unless {@code --quiet}.
   *
   * @param log where requests are logged
   * @return a builder, not yet built
   * @throws FixtureException when the fixture directory or snapshot cannot be used
   */
  public StubServer.Builder builder(PrintStream log) {
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
    if (headTimeout != null) {
      b.headTimeout(headTimeout);
    }
    if (bodyTimeout != null) {
      b.bodyTimeout(bodyTimeout);
    }
    if (threads != null) {
      b.threads(threads);
    }
    faults.forEach(b::fault);
    b.faultSeed(faultSeed);
    if (logRequests) {
      b.requestLog(log);
    }
    return b;
  }

  private static long number(String name, String value, long min, long max) throws UsageException {
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

  /** {@code 10s}, {@code 500ms}, {@code 2m} or a number of seconds; more than zero. */
  private static Duration duration(String name, String value) throws UsageException {
    String text = value.trim().toLowerCase(Locale.ROOT);
    try {
      Duration d;
      if (text.endsWith("ms")) {
        d = Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
      } else if (text.endsWith("s")) {
        d = Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
      } else if (text.endsWith("m")) {
        d = Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
      } else {
        d = Duration.ofSeconds(Long.parseLong(text));
      }
      if (!d.isNegative() && !d.isZero() && d.compareTo(Duration.ofHours(1)) <= 0) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(
        name + " needs a duration from 1ms to 1h such as 10s, 500ms or 2m, got '" + value + "'");
  }

  private static String seconds(Duration d) {
    return d.toSeconds() + "s";
  }

  /** A bad command line: the message says which option and what was expected. */
  public static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message, null, false, false);
    }
  }
}
