package cloud.lightpane.stub;

import cloud.lightpane.stub.internal.auth.Authenticator;
import cloud.lightpane.stub.internal.auth.Sessions;
import cloud.lightpane.stub.internal.discovery.DiscoveryEndpoint;
import cloud.lightpane.stub.internal.errors.ApiException;
import cloud.lightpane.stub.internal.faults.FaultFilter;
import cloud.lightpane.stub.internal.faults.FaultSpec;
import cloud.lightpane.stub.internal.http.ApiHandler;
import cloud.lightpane.stub.internal.http.RequestLog;
import cloud.lightpane.stub.internal.http.Watchdog;
import cloud.lightpane.stub.internal.keys.GrantStore;
import cloud.lightpane.stub.internal.keys.KeysEndpoint;
import cloud.lightpane.stub.internal.keys.NewKey;
import cloud.lightpane.stub.internal.limits.CallerAddress;
import cloud.lightpane.stub.internal.limits.IpRange;
import cloud.lightpane.stub.internal.limits.RateLimiter;
import cloud.lightpane.stub.inventory.Catalogue;
import cloud.lightpane.stub.inventory.Inventory;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The LightPane reference server: the whole API of the contract on one port, with an inventory to
 * discover, access keys, sessions, rate limits and CORS.
 *
 * <pre>{@code
 * try (StubServer server = StubServer.builder().build().start()) {
 *   URI base = server.uri();                     // http://127.0.0.1:<ephemeral port>
 *   String cookie = server.sessionCookieHeader(); // lightpane_session=...
 *   MintedKey key = server.mintKey(KeySpec.apiKey("ci").rateLimitRpm(60));
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} stops it quickly and frees its threads.
 */
public final class StubServer implements AutoCloseable {

  /** How long a client may take to send a request's line and headers, by default. */
  public static final Duration DEFAULT_HEAD_TIMEOUT = Duration.ofSeconds(10);

  /** How long a client may take to send a request's body, by default. */
  public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(30);

  /** The most requests served at once, by default (threads are made on demand). */
  public static final int DEFAULT_THREADS = 256;

  static {
    // The JDK server drains up to 64 KiB of an unread request body before it closes an exchange,
    // blocking the closing thread on a client that sent only headers. The contract wants the 413
    // sent at once and the connection closed; draining nothing does that. The JDK reads this
    // once per JVM and has no per-server setting, so it is set only when nobody chose a value.
    if (System.getProperty("sun.net.httpserver.drainAmount") == null) {
      System.setProperty("sun.net.httpserver.drainAmount", "0");
    }
    // Without TCP_NODELAY each answer on a kept-alive connection waits about 40 ms for the
    // client's delayed ACK (Nagle), which a pooled client (the SDK, the CLI's shell) pays on
    // every request after the first. Also JVM-wide in the JDK.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final Builder settings;
  private final Sessions sessions = new Sessions();
  private GrantStore grants;
  private KeysEndpoint keys;
  private HttpServer http;
  private Watchdog watchdog;
  private FaultFilter faults;
  private URI uri;
  private String sessionCookie;

  private StubServer(Builder settings) {
    this.settings = settings;
  }

  /**
   * A builder with the defaults: ephemeral port on 127.0.0.1, demo inventory, keys in memory.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds the port and starts serving; creates the demo user's session.
   *
   * @throws UncheckedIOException when the port cannot be bound or the data directory cannot be used
   * @return this server, started
   */
  public synchronized StubServer start() {
    if (http != null) {
      throw new IllegalStateException("already started");
    }
    Clock clock = settings.clock;
    Inventory inventory = settings.inventory();
    grants =
        settings.dataDir == null ? GrantStore.inMemory() : GrantStore.inDirectory(settings.dataDir);
    keys = new KeysEndpoint(grants, inventory.catalogue());
    Watchdog workers = new Watchdog(settings.threads, settings.headTimeout, settings.bodyTimeout);
    ApiHandler handler =
        new ApiHandler(
            clock,
            new Authenticator(sessions, grants),
            new RateLimiter(clock),
            settings.defaultRateLimit,
            new CallerAddress(settings.trustedProxies),
            new DiscoveryEndpoint(inventory),
            keys,
            new RequestLog(settings.requestLog),
            workers);
    InetSocketAddress address = new InetSocketAddress(settings.bindAddress, settings.port);
    try {
      http = HttpServer.create(address, 128);
    } catch (IOException e) {
      grants.close();
      workers.close();
      throw new UncheckedIOException(
          "cannot listen on "
              + hostForUri(settings.bindAddress)
              + ":"
              + settings.port
              + ": "
              + e.getMessage(),
          e);
    }
    watchdog = workers;
    http.setExecutor(watchdog.executor());
    HttpContext context = http.createContext("/", handler);
    if (!settings.faults.isEmpty()) {
      faults = new FaultFilter(settings.faults, settings.faultSeed);
      context.getFilters().add(faults);
    }
    http.start();
    uri =
        URI.create(
            "http://" + hostForUri(settings.bindAddress) + ":" + http.getAddress().getPort());
    sessionCookie = sessions.create(clock.instant());
    return this;
  }

  /**
   * The base URL, e.g. {@code http://127.0.0.1:41234} (no trailing slash).
   *
   * @return the base URL
   */
  public URI uri() {
    requireStarted();
    return uri;
  }

  /**
   * The port the server listens on.
   *
   * @return the port
   */
  public int port() {
    requireStarted();
    return http.getAddress().getPort();
  }

  /**
   * The demo user's session cookie value (valid 8 hours from start, by the server's clock).
   *
   * @return the session cookie value
   */
  public String sessionCookie() {
    requireStarted();
    return sessionCookie;
  }

  /**
   * The session as a {@code Cookie} header value: {@code lightpane_session=<value>}.
   *
   * @return the {@code Cookie} header value
   */
  public String sessionCookieHeader() {
    return Sessions.COOKIE_NAME + "=" + sessionCookie();
  }

  /**
   * The catalogue of the server's inventory.
   *
   * @return the catalogue
   */
  public Catalogue catalogue() {
    return settings.inventory().catalogue();
  }

  /**
   * Creates a key without HTTP, as {@code POST /keys} would.
   *
   * @throws IllegalArgumentException with the API's message (e.g. {@code Invalid constraint:
   *     allowed_origins}) when the spec is invalid
   * @param spec what the key may do
   * @return the new key's id and token
   */
  public MintedKey mintKey(KeySpec spec) {
    requireStarted();
    Objects.requireNonNull(spec, "spec");
    try {
      NewKey key = keys.create(NewKey.from(spec.request(), catalogue(), settings.clock.instant()));
      return new MintedKey(key.grant().grantId(), key.token());
    } catch (ApiException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * Revokes a key without HTTP, as {@code DELETE /keys/{grant_id}} would.
   *
   * @throws IllegalArgumentException when no key has this id
   * @param grantId the key's {@code grant_id}
   */
  public void revokeKey(String grantId) {
    requireStarted();
    try {
      keys.revoke(grantId);
    } catch (ApiException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Stops serving at once, frees the threads and writes pending key data. Idempotent. */
  @Override
  public synchronized void close() {
    if (http == null) {
      return;
    }
    http.stop(0);
    if (faults != null) {
      faults.close();
    }
    watchdog.close();
    grants.close();
    http = null;
  }

  /**
   * A warning for the operator when the server listens beyond loopback: it speaks plain http, and
   * the session cookie it prints gives full access to anyone who can reach it. Empty on loopback.
   *
   * @return the warning, or empty on loopback
   */
  public Optional<String> exposureWarning() {
    requireStarted();
    if (settings.bindAddress.isLoopbackAddress()) {
      return Optional.empty();
    }
    return Optional.of(
        "listening on "
            + hostForUri(settings.bindAddress)
            + ", not only on loopback: anyone who can reach this port talks plain http to it,"
            + " and the session cookie printed above gives full access to its keys."
            + " Bind to 127.0.0.1 (the default) unless this is what you want.");
  }

  private void requireStarted() {
    if (http == null && uri == null) {
      throw new IllegalStateException("call start() first");
    }
  }

  private static String hostForUri(InetAddress address) {
    if (address instanceof Inet6Address) {
      return "[" + compressed(address.getAddress()) + "]";
    }
    return address.getHostAddress();
  }

  /** The RFC 5952 text of an IPv6 address: the longest run of zero groups as {@code ::}. */
  static String compressed(byte[] bytes) {
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
        continue;
      }
      if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    return text.toString();
  }

  /** Settings of a {@link StubServer}; every one has a default. */
  public static final class Builder {
    private int port = 0;
    private InetAddress bindAddress = InetAddress.getLoopbackAddress();
    private Inventory inventory; // null: the demo, built only when a server needs it
    private Clock clock = Clock.systemUTC();
    private Path dataDir;
    private Integer defaultRateLimit;
    private final List<IpRange> trustedProxies = new ArrayList<>();
    private PrintStream requestLog;
    private int threads = DEFAULT_THREADS;
    private Duration headTimeout = DEFAULT_HEAD_TIMEOUT;
    private Duration bodyTimeout = DEFAULT_BODY_TIMEOUT;
    private final List<FaultSpec> faults = new ArrayList<>();
    private long faultSeed;

    private Builder() {
      try {
        bindAddress = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
      } catch (UnknownHostException e) {
        throw new IllegalStateException(e);
      }
    }

    /**
     * The port; 0 (the default) picks a free one.
     *
     * @param port 0 to 65535
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * The address to listen on, an IP literal ({@code 127.0.0.1} by default; {@code ::1}...).
     *
     * @param address an IPv4 or IPv6 literal
     * @return this builder
     */
    public Builder bindAddress(String address) {
      return bindAddress(
          IpRange.parseAddress(address)
              .orElseThrow(
                  () -> new IllegalArgumentException("not an IP address: '" + address + "'")));
    }

    /**
     * The address to listen on.
     *
     * @param address the address
     * @return this builder
     */
    public Builder bindAddress(InetAddress address) {
      this.bindAddress = Objects.requireNonNull(address, "address");
      return this;
    }

    /**
     * What discovery returns ({@link Inventory#demo()} by default).
     *
     * @param inventory the inventory to serve
     * @return this builder
     */
    public Builder inventory(Inventory inventory) {
      this.inventory = Objects.requireNonNull(inventory, "inventory");
      return this;
    }

    /**
     * Serves a fixture directory ({@link Inventory#fromDirectory}) or a recorded snapshot file
     * ({@link Inventory#fromSnapshot}), whichever the path is.
     *
     * @param path a fixture directory or a snapshot file
     * @return this builder
     * @throws cloud.lightpane.stub.inventory.FixtureException naming the file, the place and what
     *     is wrong
     */
    public Builder fixtures(Path path) {
      return inventory(Inventory.fromFixtures(path));
    }

    /**
     * The clock for sessions, key expiry, rate limits and timestamps (system UTC by default).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Keeps keys (their hashes) in this directory across restarts (default: in memory).
     *
     * @param directory the directory, created if missing
     * @return this builder
     */
    public Builder dataDir(Path directory) {
      this.dataDir = directory;
      return this;
    }

    /**
     * The limit of keys without {@code rate_limit_rpm} and of anonymous callers per IP.
     *
     * @param requestsPerMinute the limit, in requests per sliding minute
     * @return this builder
     */
    public Builder defaultRateLimit(int requestsPerMinute) {
      if (requestsPerMinute < 1) {
        throw new IllegalArgumentException("default rate limit must be at least 1");
      }
      this.defaultRateLimit = requestsPerMinute;
      return this;
    }

    /**
     * Trusts {@code X-Forwarded-For} from peers in this range (repeatable).
     *
     * @param cidr a range such as {@code 10.0.0.0/8}
     * @return this builder
     */
    public Builder trustProxy(String cidr) {
      trustedProxies.add(
          IpRange.parse(cidr)
              .orElseThrow(
                  () -> new IllegalArgumentException("not an IP address or CIDR: '" + cidr + "'")));
      return this;
    }

    /**
     * Where to write one line per request, tokens masked (default: nowhere).
     *
     * @param out the stream for the request log
     * @return this builder
     */
    public Builder requestLog(PrintStream out) {
      this.requestLog = out;
      return this;
    }

    /**
     * How long a client may take to send a request's line and headers, from the moment its
     * connection is accepted or, kept alive, sends again (default 10 s). Past it, the connection is
     * closed without an answer and its worker is free.
     *
     * @param limit the time limit, more than zero
     * @return this builder
     */
    public Builder headTimeout(Duration limit) {
      this.headTimeout = positive(limit, "head timeout");
      return this;
    }

    /**
     * How long a client may take to send a request's body once its headers are in (default 30 s).
     * Past it, the connection is closed without an answer and its worker is free.
     *
     * @param limit the time limit, more than zero
     * @return this builder
     */
    public Builder bodyTimeout(Duration limit) {
      this.bodyTimeout = positive(limit, "body timeout");
      return this;
    }

    private static Duration positive(Duration limit, String what) {
      Objects.requireNonNull(limit, what);
      if (limit.isNegative() || limit.isZero()) {
        throw new IllegalArgumentException(what + " must be more than zero, got " + limit);
      }
      return limit;
    }

    /**
     * The most requests served (or connections read) at once (default 256). Threads are made on
     * demand and end after 30 idle seconds; a slow client holds one only until its time limit.
     *
     * @param threads the most requests at once, 1 or more
     * @return this builder
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1");
      }
      this.threads = threads;
      return this;
    }

    /**
     * Misbehaves on purpose (repeatable): {@code
     * KIND[:VALUE][,first=N|,every=N|,rate=P][,retry-after=S][,on=discovery|keys|all]} with KIND
     * {@code status:CODE}, {@code latency:DURATION}, {@code reset}, {@code truncate} or {@code
     * drip:DURATION}; e.g. {@code status:503,first=2} answers the first two discoveries 503. See
     * {@code docs/reference-server.md}.
     *
     * @param spec the fault, e.g. {@code status:503,first=2}
     * @return this builder
     * @throws IllegalArgumentException naming the part of the spec that is wrong and the grammar
     */
    public Builder fault(String spec) {
      faults.add(FaultSpec.parse(spec));
      return this;
    }

    /**
     * The seed that picks the requests of {@code rate=P} faults (default 0: the same each run).
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder faultSeed(long seed) {
      this.faultSeed = seed;
      return this;
    }

    private Inventory inventory() {
      return inventory != null ? inventory : Inventory.demo();
    }

    /**
     * A server with these settings (later changes to this builder do not affect it).
     *
     * @return a new server, not yet started
     */
    public StubServer build() {
      return new StubServer(copy());
    }

    private Builder copy() {
      Builder copy = new Builder();
      copy.port = port;
      copy.bindAddress = bindAddress;
      copy.inventory = inventory;
      copy.clock = clock;
      copy.dataDir = dataDir;
      copy.defaultRateLimit = defaultRateLimit;
      copy.trustedProxies.addAll(trustedProxies);
      copy.requestLog = requestLog;
      copy.threads = threads;
      copy.headTimeout = headTimeout;
      copy.bodyTimeout = bodyTimeout;
      copy.faults.addAll(faults);
      copy.faultSeed = faultSeed;
      return copy;
    }
  }
}
