package cloud.lightpane.client;

import cloud.lightpane.client.auth.Credentials;
import cloud.lightpane.client.config.ClientSetting;
import cloud.lightpane.client.config.ProfileStore;
import cloud.lightpane.client.discovery.DiscoveryHandler;
import cloud.lightpane.client.discovery.DiscoveryRequest;
import cloud.lightpane.client.discovery.DiscoveryResponse;
import cloud.lightpane.client.discovery.RateLimit;
import cloud.lightpane.client.discovery.RawDiscoveryHandler;
import cloud.lightpane.client.discovery.Row;
import cloud.lightpane.client.discovery.ServiceQuery;
import cloud.lightpane.client.discovery.ServiceResult;
import cloud.lightpane.client.internal.BodyReader;
import cloud.lightpane.client.internal.Call;
import cloud.lightpane.client.internal.ClientConfig;
import cloud.lightpane.client.internal.Loopback;
import cloud.lightpane.client.internal.Version;
import cloud.lightpane.client.internal.batch.Batches;
import cloud.lightpane.client.internal.exchange.CredentialsExchange;
import cloud.lightpane.client.internal.exchange.FailureExceptions;
import cloud.lightpane.client.internal.exchange.Outcome;
import cloud.lightpane.client.internal.exchange.RetryingExchange;
import cloud.lightpane.client.internal.exchange.TrafficLogExchange;
import cloud.lightpane.client.internal.exchange.TransportExchange;
import cloud.lightpane.client.internal.json.DiscoveryReader;
import cloud.lightpane.client.internal.json.Json;
import cloud.lightpane.client.internal.keys.HttpAccessKeys;
import cloud.lightpane.client.internal.rows.RowPipe;
import cloud.lightpane.client.internal.transport.HttpTransport;
import cloud.lightpane.client.internal.transport.JdkHttpTransport;
import cloud.lightpane.client.internal.transport.ProxyCredentials;
import cloud.lightpane.client.internal.transport.TransportResponse;
import cloud.lightpane.client.internal.transport.UrlConnectionTransport;
import cloud.lightpane.client.internal.transport.Watchdog;
import cloud.lightpane.client.keys.AccessKeys;
import com.fasterxml.jackson.core.JsonFactory;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The LightPane API client: discovery (whole, async, streamed or raw) and access-key management.
 *
 * <pre>{@code
 * try (LightPaneClient client = LightPaneClient.builder()
 *     .baseUrl("https://acme.api.lightpane.cloud")
 *     .credentials(Credentials.apiKey(System.getenv("LIGHTPANE_API_KEY")))
 *     .build()) {
 *   DiscoveryResponse response = client.discover(DiscoveryRequest.of(
 *       ServiceQuery.builder("ec2").provider(Provider.AWS).region("eu-west-2").build()));
 *   response.results().get(0).rows().forEach(row -> System.out.println(row.getString("name")));
 * }
 * }</pre>
 *
 * <p>One client per application: it is immutable and thread-safe, and holds pooled connections and
 * (for async calls) an executor, which {@link #close()} frees. Every call retries transient
 * failures (see {@link Builder#maxRetries(int)}) and throws a subtype of {@link LightPaneException}
 * when it gives up; messages never contain a token.
 *
 * <p>Traffic is logged through {@code System.Logger} under the name {@code cloud.lightpane.client}:
 * one line per attempt (method, URL, status, time, attempt number) at DEBUG, or at INFO when {@link
 * Builder#logTraffic(boolean)} is on or the environment variable {@code LIGHTPANE_LOG} is {@code
 * debug}. Credentials are masked in every line; bodies are never logged.
 */
public final class LightPaneClient implements AutoCloseable {
  /** The shared LightPane service, the default base URL. */
  public static final URI DEFAULT_BASE_URL = URI.create("https://api.lightpane.cloud");

  /** Default time to establish a connection. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Default time to wait for a response, and for each piece of its body, per attempt. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

  /** Default number of retries after the first attempt. */
  public static final int DEFAULT_MAX_RETRIES = 2;

  /** The most retries a client may be configured with. */
  public static final int MAX_RETRIES_LIMIT = 10;

  /** Default wait before the first retry (doubling for each further one), jitter aside. */
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);

  /** Default longest wait between retries when the server does not say. */
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(8);

  /** Default longest {@code Retry-After} the client waits by itself. */
  public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);

  /** Default {@link Builder#maxValueSize}: 16 Mi characters. */
  public static final long DEFAULT_MAX_VALUE_SIZE = 16L * 1024 * 1024;

  /** Default {@link Builder#batchesInFlight}: batches of one discovery sent at once. */
  public static final int DEFAULT_BATCHES_IN_FLIGHT = 4;

  /** The most {@link Builder#batchesInFlight} allows. */
  public static final int MAX_BATCHES_IN_FLIGHT = 16;

  /** Threads of the client's own executor (async continuations; URL_CONNECTION exchanges). */
  private static final int ASYNC_THREADS = 8;

  private final ClientConfig config;
  private final HttpTransport transport;
  private final RetryingExchange caller;
  private final Batches batches;
  private final AccessKeys keys;
  private final Watchdog watchdog;
  private final ExecutorService ownExecutor;
  private final long maxValueSize;
  private final JsonFactory parsers;
  private final AtomicBoolean closed = new AtomicBoolean();

  private LightPaneClient(
      ClientConfig config,
      HttpTransport transport,
      Watchdog watchdog,
      ExecutorService own,
      long maxValueSize,
      int batchesInFlight) {
    this.config = config;
    this.maxValueSize = maxValueSize;
    this.parsers = Json.factory(maxValueSize);
    this.transport = transport;
    this.watchdog = watchdog;
    this.ownExecutor = own;
    // The pipeline, innermost first: transport, credentials, traffic log; retry drives it.
    this.caller =
        new RetryingExchange(
            config,
            new TrafficLogExchange(
                config,
                new CredentialsExchange(
                    config.credentials(), new TransportExchange(config, transport))));
    this.batches = new Batches(config.logTraffic(), batchesInFlight, config.executor());
    this.keys = new HttpAccessKeys(caller);
  }

  /**
   * {@return a new builder holding every default}, reading nothing from the environment until
   * {@link Builder#build()} (and then only the credentials of {@link Credentials#defaultChain()}).
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A client configured as the {@code lightpane} command on this host would be: the same as {@link
   * #fromEnv()}. (Before 0.1 it ignored {@code LIGHTPANE_BASE_URL} and profiles; an app and the
   * command on one host now reach the same server.) For a client that reads nothing from the
   * environment but its credentials, use {@link #builder()}.
   *
   * @return a new client; close it when the application is done with it
   * @throws IllegalArgumentException if a variable or the profile holds a bad value, saying which
   */
  public static LightPaneClient create() {
    return fromEnv();
  }

  /**
   * A client configured from the environment, as the {@code lightpane} command is: see {@link
   * Builder#fromEnv()}.
   *
   * @return a new client; close it when the application is done with it
   * @throws IllegalArgumentException if a variable or the profile holds a bad value, saying which
   */
  public static LightPaneClient fromEnv() {
    return builder().fromEnv().build();
  }

  /** {@link #fromEnv()} over an environment given as a map (tests). */
  static LightPaneClient fromEnv(Map<String, String> env) {
    return builder().fromEnv(env).build();
  }

  /**
   * Discovers the request's services and returns every result with all its rows.
   *
   * @param request the services to discover; over 100 entries (or the key's {@code max_batch_size})
   *     it is sent as several batches, whose results come back in request order
   * @return the results in request order, with the rate limit the server reported (of several
   *     batches, the one with the fewest requests remaining)
   * @throws BadRequestException for an unknown service, region or attribute, or too many entries
   * @throws AuthenticationException if the token is invalid, expired or revoked
   * @throws PermissionDeniedException if the key may not discover a service or account
   * @throws RateLimitException if the rate limit holds after the retries, or asks for a longer wait
   *     than the client's cap
   * @throws LightPaneException for any other failure (see its subtypes)
   */
  public DiscoveryResponse discover(DiscoveryRequest request) {
    List<ServiceQuery> entries = entries(request);
    return merge(
        batches.run(
            entries.size(),
            (from, to) -> {
              Call call = discoveryCall(batch(request, entries, from, to));
              return rateLimited(caller.executeForOutcome(call, readAll(call)));
            }));
  }

  /**
   * {@link #discover} without blocking: no thread waits for the server or between retries.
   * Cancelling the future cancels the request in flight. The future fails with the same exceptions
   * {@link #discover} throws.
   *
   * @param request the services to discover, batched as for {@link #discover}
   * @return a future of the response, which fails with a {@link LightPaneException} where {@link
   *     #discover} would throw one
   * @throws IllegalStateException if this client is closed
   */
  public CompletableFuture<DiscoveryResponse> discoverAsync(DiscoveryRequest request) {
    return discoverBatchesAsync(request, entries(request));
  }

  private CompletableFuture<DiscoveryResponse> discoverBatchesAsync(
      DiscoveryRequest request, List<ServiceQuery> entries) {
    // Each batch is the retrying future itself (not a dependent one), so that cancelling reaches
    // the request in flight.
    CompletableFuture<List<Outcome<DiscoveryResponse>>> parts =
        batches.runAsync(
            entries.size(),
            (from, to) -> {
              Call call = discoveryCall(batch(request, entries, from, to));
              return caller.executeForOutcomeAsync(call, readAll(call));
            });
    CompletableFuture<DiscoveryResponse> result = new CompletableFuture<>();
    parts.whenComplete(
        (list, error) -> {
          if (error == null) {
            List<DiscoveryResponse> responses = new ArrayList<>(list.size());
            for (Outcome<DiscoveryResponse> outcome : list) {
              responses.add(rateLimited(outcome));
            }
            result.complete(merge(responses));
          } else {
            result.completeExceptionally(error);
          }
        });
    result.whenComplete(
        (v, e) -> {
          if (result.isCancelled()) {
            parts.cancel(true);
          }
        });
    return result;
  }

  /**
   * Discovers and hands the response to the handler as it is parsed: each result's metadata and
   * columns, then its rows one at a time, then its end. Memory stays flat however many rows come.
   *
   * <p>Failures before the response starts are retried as for {@link #discover}; a failure in the
   * middle of the body is not (the handler has already seen part of it), and is thrown as {@link
   * LightPaneTransportException}, {@link LightPaneTimeoutException} or {@link
   * InvalidResponseException}. An exception from the handler stops the parse, closes the connection
   * and reaches the caller unchanged. A request over 100 entries (or over the key's {@code
   * max_batch_size}) is sent as several, up to {@link Builder#batchesInFlight} at once; the handler
   * sees the results in request order as if they came in one response.
   *
   * @param request the services to discover
   * @param handler receives the parsed response on the calling thread; this method returns when the
   *     handler has seen the end of the last result
   * @throws LightPaneException for a failure before or while the body is read, as above
   */
  public void discoverStreaming(DiscoveryRequest request, DiscoveryHandler handler) {
    Objects.requireNonNull(handler, "handler");
    List<ServiceQuery> entries = entries(request);
    batches.runAhead(
        entries.size(),
        (from, to) -> openOne(batch(request, entries, from, to), null),
        (opened, from, to) -> opened.readTo(handler),
        Opened::close);
  }

  /**
   * Discovers and returns the rows of every result, in request order, as a stream read from the
   * connection while the caller consumes it: memory stays flat however many rows come. Close the
   * stream (try-with-resources) to close the connection early; an unclosed stream that was not read
   * to the end keeps its connection until the server's side ends it.
   *
   * <pre>{@code
   * try (Stream<Row> rows = client.discoverRows(request)) {
   *   rows.filter(row -> "running".equals(row.getString("state"))).forEach(System.out::println);
   * }
   * }</pre>
   *
   * <p>The request is sent when the first row is asked for; failures (those of {@link
   * #discoverStreaming}, batching included) are thrown from the stream's operations. The parse runs
   * on the client's executor (see {@link Builder#executor}), one thread per stream being read. For
   * each result's metadata and columns, use {@link #discoverStreaming}.
   *
   * @param request the services to discover
   * @return a lazy, sequential stream of every row of every result; it must be closed
   * @throws IllegalStateException if this client is closed
   */
  public Stream<Row> discoverRows(DiscoveryRequest request) {
    List<ServiceQuery> entries = entries(request);
    checkOpen();
    return RowPipe.stream(
        (sink, opened) ->
            batches.runAhead(
                entries.size(),
                (from, to) -> openOne(batch(request, entries, from, to), opened),
                (one, from, to) -> one.readTo(sink::accept),
                Opened::close),
        config.executor());
  }

  /**
   * Sends one batch and waits for its answer to start; the body is read by {@link Opened#readTo}.
   */
  private Opened openOne(DiscoveryRequest request, Consumer<Closeable> opened) {
    Call call = discoveryCall(request);
    DiscoveryReader reader = reader(call);
    TransportResponse response = caller.open(call);
    if (opened != null) {
      opened.accept(response);
    }
    return new Opened(call, reader, response);
  }

  /** A batch's answer, started and not yet read. */
  private final class Opened {
    private final Call call;
    private final DiscoveryReader reader;
    private final TransportResponse response;

    Opened(Call call, DiscoveryReader reader, TransportResponse response) {
      this.call = call;
      this.reader = reader;
      this.response = response;
    }

    void readTo(DiscoveryHandler handler) {
      try (response) {
        reader.read(response.body(), DiscoveryReader.listener(handler));
        response.finish();
      } catch (IOException e) {
        throw FailureExceptions.reading(config, call, e, response.headers());
      }
    }

    /** Closes the answer unread (a batch dropped or not reached). */
    void close() {
      try {
        response.close();
      } catch (IOException | RuntimeException e) {
        // Nothing was handed over from it; there is nothing to report.
      }
    }
  }

  private static List<ServiceQuery> entries(DiscoveryRequest request) {
    return Objects.requireNonNull(request, "request").services();
  }

  private static DiscoveryRequest batch(
      DiscoveryRequest whole, List<ServiceQuery> entries, int from, int to) {
    return from == 0 && to == entries.size()
        ? whole
        : DiscoveryRequest.of(entries.subList(from, to));
  }

  private BodyReader<DiscoveryResponse> readAll(Call call) {
    DiscoveryReader reader = reader(call);
    return response -> reader.readAll(response.body());
  }

  private static DiscoveryResponse rateLimited(Outcome<DiscoveryResponse> outcome) {
    DiscoveryResponse r = outcome.value();
    RateLimit limit = RateLimit.fromHeaders(outcome.headers()).orElse(null);
    return limit == null ? r : new DiscoveryResponse(r.results(), r.additionalProperties(), limit);
  }

  /**
   * The batches' responses as one: results in request order, and the rate limit with the fewest
   * requests remaining (batches sent at once are answered in any order; that one is the latest).
   */
  private static DiscoveryResponse merge(List<DiscoveryResponse> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    List<ServiceResult> results = new ArrayList<>();
    Map<String, Object> extra = new LinkedHashMap<>();
    RateLimit limit = null;
    for (DiscoveryResponse part : parts) {
      results.addAll(part.results());
      extra.putAll(part.additionalProperties());
      RateLimit l = part.rateLimit().orElse(null);
      if (l != null && (limit == null || l.remaining() <= limit.remaining())) {
        limit = l;
      }
    }
    return new DiscoveryResponse(results, extra, limit);
  }

  /**
   * Sends a discovery request and returns the raw JSON body of the successful response, for callers
   * that copy it elsewhere unchanged. Errors are thrown (after retries) before this returns,
   * exactly as for {@link #discover}. The request goes as one batch: over 100 entries (or the key's
   * {@code max_batch_size}) the server refuses it; {@link #discoverRaw} splits it. The stream is
   * the live connection: close it when done; a read fails with an {@link IOException} (a {@link
   * java.net.SocketTimeoutException} when the server goes silent for the request timeout).
   *
   * @param request the services to discover, 100 entries at most
   * @return the body of the {@code 200} response, unread; the caller must close it
   * @throws LightPaneException if the server refuses the request or cannot be reached, after the
   *     retries, as for {@link #discover}
   */
  public InputStream openDiscovery(DiscoveryRequest request) {
    return caller.open(discoveryCall(request)).body();
  }

  /**
   * The exception this client throws for a discovery body it cannot read, for a caller of {@link
   * #openDiscovery} that parses the body with a JSON parser of its own: a parse failure becomes the
   * same {@link InvalidResponseException}, in the same words, as from {@link #discoverStreaming} (a
   * value over {@link Builder#maxValueSize} included), any other {@link IOException} the same
   * transport exception.
   *
   * @param failure what the caller's parser threw while reading the body
   * @return the exception to throw (this method does not throw it); its message names what was
   *     wrong without quoting the body
   */
  public LightPaneException unreadableDiscovery(IOException failure) {
    Call call = new Call("POST", "/discovery", new byte[0], true);
    return FailureExceptions.reading(config, call, failure, Map.of());
  }

  /**
   * {@return the most characters a single value or a whole row of a response may hold}, as set by
   * {@link Builder#maxValueSize}.
   */
  public long maxValueSize() {
    return maxValueSize;
  }

  /**
   * Whether {@code host} counts as loopback for the plain-http rule of {@link Builder#build()}:
   * {@code localhost} or a literal loopback address ({@code 127.0.0.1}, {@code [::1]}). Nothing is
   * resolved through DNS, so {@code app.localhost}, {@code localhost.example} and {@code
   * 127.example} are not loopback.
   *
   * @param host a host name or address as it appears in a URL, IPv6 in brackets; null is allowed
   * @return true if the host is loopback; false for null and for every other host
   */
  public static boolean isLoopback(String host) {
    return host != null && Loopback.isLoopback(host);
  }

  /**
   * Sends a discovery request and hands each successful response's raw JSON body to the handler,
   * batch by batch as for {@link #discover} (one body unless the request is over 100 entries or the
   * key's {@code max_batch_size}). Errors are thrown (after retries) before a batch's body is
   * handed over, exactly as for {@link #discover}.
   *
   * @param request the services to discover
   * @param handler receives each batch's body on the calling thread, and whether it is the whole
   *     response; the body is closed when the handler returns
   * @throws java.io.UncheckedIOException wrapping an {@link IOException} from the handler
   * @throws LightPaneException if a batch fails, after the retries, as for {@link #discover}
   */
  public void discoverRaw(DiscoveryRequest request, RawDiscoveryHandler handler) {
    Objects.requireNonNull(handler, "handler");
    List<ServiceQuery> entries = entries(request);
    batches.runAhead(
        entries.size(),
        (from, to) -> openDiscovery(batch(request, entries, from, to)),
        (opened, from, to) -> {
          try (InputStream body = opened) {
            handler.onBody(body, to - from == entries.size());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        LightPaneClient::closeQuietly);
  }

  private static void closeQuietly(InputStream unread) {
    try {
      unread.close();
    } catch (IOException e) {
      // A batch dropped unread: nothing was handed over from it.
    }
  }

  /**
   * {@return access-key management ({@code /keys})}, sharing this client's connection, retries and
   * credentials. Its calls need a session ({@link Credentials#session}); an access key is refused
   * with {@link AuthenticationException}.
   *
   * @throws IllegalStateException if this client is closed
   */
  public AccessKeys keys() {
    checkOpen();
    return keys;
  }

  /** {@return the API root this client talks to, without a trailing slash} */
  public URI baseUrl() {
    return config.baseUrl();
  }

  /** {@return the credentials this client sends}; their {@code toString()} is masked. */
  public Credentials credentials() {
    return config.credentials();
  }

  private Call discoveryCall(DiscoveryRequest request) {
    Objects.requireNonNull(request, "request");
    checkOpen();
    return new Call("POST", "/discovery", request.toJson().getBytes(StandardCharsets.UTF_8), true);
  }

  private DiscoveryReader reader(Call call) {
    return new DiscoveryReader(
        problem -> FailureExceptions.wrongShape(config, call, problem), parsers, maxValueSize);
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new IllegalStateException("This LightPaneClient is closed: build a new one.");
    }
  }

  /**
   * Frees the client's threads: its executor (if the client created it; async calls in flight still
   * complete) and its watchdog. Closing twice does nothing; calls after closing throw {@link
   * IllegalStateException}.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      transport.close();
      watchdog.close();
      if (ownExecutor != null) {
        ownExecutor.shutdown();
      }
    }
  }

  @Override
  public String toString() {
    return "LightPaneClient[" + config.baseUrl() + ", " + config.credentials().masked() + "]";
  }

  /**
   * Builds a {@link LightPaneClient}. Every setting is optional; the defaults:
   *
   * <table>
   *   <caption>Defaults</caption>
   *   <tr><th>setting</th><th>default</th></tr>
   *   <tr><td>{@link #baseUrl(URI)}</td><td>{@code https://api.lightpane.cloud}</td></tr>
   *   <tr><td>{@link #credentials(Credentials)}</td><td>{@link Credentials#defaultChain()}:
   *       {@code LIGHTPANE_API_KEY}, else {@code LIGHTPANE_SESSION}, else anonymous</td></tr>
   *   <tr><td>{@link #connectTimeout(Duration)}</td><td>10 s</td></tr>
   *   <tr><td>{@link #requestTimeout(Duration)}</td><td>60 s, per attempt</td></tr>
   *   <tr><td>{@link #deadline(Duration)}</td><td>none</td></tr>
   *   <tr><td>{@link #maxRetries(int)}</td><td>2 (3 attempts in all)</td></tr>
   *   <tr><td>{@link #retryBackoff(Duration, Duration)}</td><td>0.5 s doubling to 8 s, up to 25%
   *       less by jitter</td></tr>
   *   <tr><td>{@link #maxRetryAfter(Duration)}</td><td>60 s</td></tr>
   *   <tr><td>{@link #transport(Transport)}</td><td>{@link Transport#JAVA_NET_HTTP}</td></tr>
   *   <tr><td>{@link #executor(Executor)}</td><td>the client's own daemon threads</td></tr>
   *   <tr><td>{@link #batchesInFlight(int)}</td><td>4</td></tr>
   *   <tr><td>{@link #proxySelector(ProxySelector)}</td><td>the JVM's default</td></tr>
   *   <tr><td>{@link #proxyCredentials(String, char[])}</td><td>none</td></tr>
   *   <tr><td>{@link #logTraffic(boolean)}</td><td>on if {@code LIGHTPANE_LOG=debug}</td></tr>
   *   <tr><td>{@link #allowInsecureCredentials(boolean)}</td><td>false</td></tr>
   * </table>
   */
  public static final class Builder {
    private URI baseUrl = DEFAULT_BASE_URL;
    private Credentials credentials;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private Duration deadline;
    private int maxRetries = DEFAULT_MAX_RETRIES;
    private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
    private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
    private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;
    private String userAgentSuffix;
    private ProxySelector proxySelector;
    private ProxyCredentials proxyCredentials;
    private Executor executor;
    private HttpClient httpClient;
    private Transport transport;
    private boolean allowInsecureCredentials;
    private Boolean logTraffic;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper;
    private long maxValueSize = DEFAULT_MAX_VALUE_SIZE;
    private int batchesInFlight = DEFAULT_BATCHES_IN_FLIGHT;
    private Map<ClientSetting, String> profileValues;
    private String profileSource;

    private Builder() {}

    /**
     * The most batches of one discovery sent at once, default {@value
     * LightPaneClient#DEFAULT_BATCHES_IN_FLIGHT}; 1 sends them one after another. A request over
     * 100 entries (or the key's {@code max_batch_size}) goes as several batches; their results are
     * still handed over in request order, and a batch that has arrived waits unread while an
     * earlier one is read, so memory holds at most this many answers being received. A {@code 429}
     * one batch meets makes the others wait its {@code Retry-After} too. {@link #fromEnv()} reads
     * it from {@code LIGHTPANE_BATCHES_IN_FLIGHT} or a profile's {@code batches_in_flight} ({@link
     * ClientSetting#BATCHES_IN_FLIGHT}).
     *
     * @param batches how many batches may be in flight at once, from 1 to {@value
     *     LightPaneClient#MAX_BATCHES_IN_FLIGHT}
     * @return this builder
     * @throws IllegalArgumentException if not between 1 and {@value
     *     LightPaneClient#MAX_BATCHES_IN_FLIGHT}
     */
    public Builder batchesInFlight(int batches) {
      if (batches < 1 || batches > MAX_BATCHES_IN_FLIGHT) {
        throw new IllegalArgumentException(
            "batchesInFlight must be between 1 and " + MAX_BATCHES_IN_FLIGHT + ", not " + batches);
      }
      this.batchesInFlight = batches;
      return this;
    }

    /**
     * The most characters a single value of a response, or a whole row, may hold; default 16 Mi
     * (about 16 MB of text). A response with more is refused while it is read, with {@link
     * InvalidResponseException} ("a value of 20.0 MB is over the limit of 16 MB"), before it can
     * exhaust the heap. A program with a small heap sets a fraction of it ({@code
     * Runtime.getRuntime().maxMemory() / 16} keeps the peak of one value within a quarter).
     *
     * @param chars the limit in characters (UTF-16 units), above zero
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxValueSize(long chars) {
      if (chars <= 0) {
        throw new IllegalArgumentException("maxValueSize must be positive, not " + chars);
      }
      this.maxValueSize = chars;
      return this;
    }

    /**
     * Takes every setting the environment gives, as the {@code lightpane} command does: first the
     * profile named by {@code LIGHTPANE_PROFILE} (which must exist), else the {@code default}
     * profile if its file exists (see {@link ProfileStore}); then, over it, the variables {@code
     * LIGHTPANE_BASE_URL}, {@code LIGHTPANE_API_KEY}, {@code LIGHTPANE_SESSION}, {@code
     * LIGHTPANE_TIMEOUT}, {@code LIGHTPANE_RETRIES}, {@code LIGHTPANE_BATCHES_IN_FLIGHT} and {@code
     * LIGHTPANE_LOG} (see {@link ClientSetting}). An access key wins over a session, whichever of
     * the two sources set it. Setters called afterwards override what this read (as a flag does for
     * the command); unset and empty variables change nothing. If {@link #profile(String)} was
     * called before, that profile is used instead of {@code LIGHTPANE_PROFILE}.
     *
     * @return this builder
     * @throws IllegalArgumentException if a variable or the profile holds a bad value, or the
     *     profile named by {@code LIGHTPANE_PROFILE} does not exist, saying which and what to do
     */
    public Builder fromEnv() {
      return fromEnv(System.getenv());
    }

    /** {@link #fromEnv()} over an environment given as a map (tests). */
    Builder fromEnv(Map<String, String> env) {
      if (profileValues == null) {
        String named = nonEmpty(env.get(ClientSetting.PROFILE_ENV));
        ProfileStore store = ProfileStore.locate(env);
        if (named != null) {
          loadProfile(store, named, ClientSetting.PROFILE_ENV);
        } else if (store.exists(ProfileStore.DEFAULT_PROFILE)) {
          loadProfile(store, ProfileStore.DEFAULT_PROFILE, null);
        }
      }
      Map<ClientSetting, String> values = new EnumMap<>(ClientSetting.class);
      Map<ClientSetting, String> sources = new EnumMap<>(ClientSetting.class);
      for (ClientSetting setting : ClientSetting.values()) {
        String value = nonEmpty(env.get(setting.env()));
        if (value != null) {
          values.put(setting, value);
          sources.put(setting, setting.env());
        } else if (profileValues != null && profileValues.containsKey(setting)) {
          values.put(setting, profileValues.get(setting));
          sources.put(setting, profileSource);
        }
      }
      apply(values, sources);
      String log = env.get(ClientSetting.LOG_ENV);
      if (log != null && !log.isEmpty()) {
        logTraffic = TrafficLogExchange.tracingRequested(log);
      }
      return this;
    }

    /**
     * Takes the settings of a profile written by {@code lightpane config set --profile NAME} (or
     * {@link ProfileStore#write}): its base URL, credentials, timeout, retries and batches in
     * flight. Setters and {@link #fromEnv()} called afterwards override them.
     *
     * @param name the profile's name, such as {@code default} or {@code staging}: letters, digits,
     *     {@code .}, {@code _} and {@code -} (see {@link ProfileStore#checkName})
     * @return this builder
     * @throws IllegalArgumentException if the profile does not exist, cannot be read, or holds a
     *     bad value, saying which
     */
    public Builder profile(String name) {
      return profile(name, System.getenv());
    }

    /** {@link #profile(String)} with the configuration directory found in {@code env} (tests). */
    Builder profile(String name, Map<String, String> env) {
      loadProfile(ProfileStore.locate(env), name, "profile(" + name + ")");
      Map<ClientSetting, String> sources = new EnumMap<>(ClientSetting.class);
      for (ClientSetting setting : profileValues.keySet()) {
        sources.put(setting, profileSource);
      }
      apply(profileValues, sources);
      return this;
    }

    private void loadProfile(ProfileStore store, String name, String namedBy) {
      ProfileStore.checkName(name);
      if (namedBy != null && !store.exists(name)) {
        throw new IllegalArgumentException(
            "No profile '"
                + name
                + "' (from "
                + namedBy
                + ") in "
                + store.dir()
                + ". Create it with: lightpane config set --profile "
                + name
                + " KEY VALUE");
      }
      Map<String, String> saved;
      try {
        saved = store.read(name);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "Cannot read the profile " + store.file(name) + ": " + e.getMessage(), e);
      }
      profileValues = new EnumMap<>(ClientSetting.class);
      profileSource = "profile '" + name + "' (" + store.file(name) + ")";
      for (ClientSetting setting : ClientSetting.values()) {
        String value = nonEmpty(saved.get(setting.key()));
        if (value != null) {
          profileValues.put(setting, value);
        }
      }
    }

    /** Checks and applies settings as text; {@code sources} name where each came from. */
    private void apply(Map<ClientSetting, String> values, Map<ClientSetting, String> sources) {
      for (Map.Entry<ClientSetting, String> e : values.entrySet()) {
        String problem = e.getKey().problem(e.getValue());
        if (problem != null) {
          throw new IllegalArgumentException(problem + " (from " + sources.get(e.getKey()) + ")");
        }
      }
      if (values.containsKey(ClientSetting.BASE_URL)) {
        baseUrl(values.get(ClientSetting.BASE_URL));
      }
      String key = values.get(ClientSetting.API_KEY);
      String session = values.get(ClientSetting.SESSION);
      try {
        if (key != null) {
          credentials(Credentials.apiKey(key.strip()));
        } else if (session != null) {
          credentials(Credentials.session(session.strip()));
        }
      } catch (IllegalArgumentException bad) {
        ClientSetting which = key != null ? ClientSetting.API_KEY : ClientSetting.SESSION;
        throw new IllegalArgumentException(
            "The "
                + (key != null ? "access key" : "session")
                + " from "
                + sources.get(which)
                + " is not usable: "
                + bad.getMessage(),
            bad);
      }
      if (values.containsKey(ClientSetting.TIMEOUT)) {
        timeout(ClientSetting.duration(values.get(ClientSetting.TIMEOUT)));
      }
      if (values.containsKey(ClientSetting.RETRIES)) {
        maxRetries(Integer.parseInt(values.get(ClientSetting.RETRIES).trim()));
      }
      if (values.containsKey(ClientSetting.BATCHES_IN_FLIGHT)) {
        batchesInFlight(Integer.parseInt(values.get(ClientSetting.BATCHES_IN_FLIGHT).trim()));
      }
    }

    private static String nonEmpty(String value) {
      return value == null || value.isEmpty() ? null : value;
    }

    /**
     * The request timeout ({@link #requestTimeout(Duration)}), and the connect timeout as the
     * smaller of it and the default 10 s: what {@code LIGHTPANE_TIMEOUT} and the command's {@code
     * --timeout} set.
     *
     * @param timeout the request timeout, above zero
     * @return this builder
     * @throws IllegalArgumentException if zero or negative
     */
    public Builder timeout(Duration timeout) {
      requestTimeout(timeout);
      return connectTimeout(
          timeout.compareTo(DEFAULT_CONNECT_TIMEOUT) < 0 ? timeout : DEFAULT_CONNECT_TIMEOUT);
    }

    /**
     * The API root: {@code https://api.lightpane.cloud} (the default), a dedicated {@code
     * https://{slug}.api.lightpane.cloud}, a self-hosted URL (a path prefix is kept) or {@code
     * http://127.0.0.1:PORT} for the reference server.
     *
     * @param baseUrl an absolute http or https URL; checked by {@link #build()}
     * @return this builder
     */
    public Builder baseUrl(URI baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /**
     * The API root as text; see {@link #baseUrl(URI)}.
     *
     * @param baseUrl the URL, such as {@code https://acme.api.lightpane.cloud}; surrounding white
     *     space is ignored
     * @return this builder
     * @throws IllegalArgumentException if the text is not a URL
     */
    public Builder baseUrl(String baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl");
      try {
        return baseUrl(new URI(baseUrl.strip()));
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException(
            "Base URL '" + baseUrl + "' is not a URL: " + e.getReason() + ".", e);
      }
    }

    /**
     * Who the client is; default {@link Credentials#defaultChain()}, read at {@link #build()}.
     *
     * @param credentials an access key, a session or {@link Credentials#anonymous()}
     * @return this builder
     */
    public Builder credentials(Credentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /**
     * How long to wait for a connection; default 10 s.
     *
     * @param timeout the connect timeout, above zero
     * @return this builder
     * @throws IllegalArgumentException if zero or negative
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * How long each attempt waits for the response headers, and then for each piece of the body (so
     * a long stream that keeps moving is never cut off); default 60 s.
     *
     * @param timeout the timeout of each attempt, above zero
     * @return this builder
     * @throws IllegalArgumentException if zero or negative
     */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive(timeout, "requestTimeout");
      return this;
    }

    /**
     * The most a whole call may take, retries and waits included (for streaming calls, until the
     * last byte); default none. Null removes it.
     *
     * @param deadline the time limit of a whole call, above zero, or null for none
     * @return this builder
     * @throws IllegalArgumentException if zero or negative
     */
    public Builder deadline(Duration deadline) {
      this.deadline = deadline == null ? null : positive(deadline, "deadline");
      return this;
    }

    /**
     * Retries after the first attempt, for I/O errors, timeouts and the statuses 408, 429, 500,
     * 502, 503 and 504; default 2. Creating a key is retried only if the request never left.
     *
     * @param maxRetries retries after the first attempt, from 0 (no retry) to {@value
     *     LightPaneClient#MAX_RETRIES_LIMIT}
     * @return this builder
     * @throws IllegalArgumentException if negative or above 10
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0 || maxRetries > MAX_RETRIES_LIMIT) {
        throw new IllegalArgumentException(
            "maxRetries must be from 0 to " + MAX_RETRIES_LIMIT + ", not " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * The wait before the first retry and the longest wait between retries, when the server sends
     * no {@code Retry-After}; each retry waits twice as long as the one before, less up to 25%
     * random jitter. Default 0.5 s and 8 s.
     *
     * @param initial the wait before the first retry, above zero
     * @param max the longest wait between two attempts, above zero
     * @return this builder
     * @throws IllegalArgumentException if either is zero or negative
     */
    public Builder retryBackoff(Duration initial, Duration max) {
      this.initialBackoff = positive(initial, "initial backoff");
      this.maxBackoff = positive(max, "max backoff");
      return this;
    }

    /**
     * The longest {@code Retry-After} the client honours by waiting; a longer one is thrown at once
     * as {@link RateLimitException} (or {@link ServerException} for a 503) carrying the wait.
     * Default 60 s.
     *
     * @param cap the longest {@code Retry-After} the client waits out
     * @return this builder
     */
    public Builder maxRetryAfter(Duration cap) {
      this.maxRetryAfter = Objects.requireNonNull(cap, "cap");
      return this;
    }

    /**
     * Appended to the {@code User-Agent} header, such as {@code my-app/1.2}.
     *
     * @param suffix printable ASCII without line breaks, or null for none
     * @return this builder
     * @throws IllegalArgumentException if the suffix holds a control or non-ASCII character
     */
    public Builder userAgentSuffix(String suffix) {
      if (suffix != null && suffix.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
        throw new IllegalArgumentException(
            "User agent suffix must be printable ASCII without line breaks.");
      }
      this.userAgentSuffix = suffix;
      return this;
    }

    /**
     * The proxy selector; default the JVM's ({@link ProxySelector#getDefault()}).
     *
     * @param proxySelector picks the proxy for each request, or null for the JVM's default
     * @return this builder
     */
    public Builder proxySelector(ProxySelector proxySelector) {
      this.proxySelector = proxySelector;
      return this;
    }

    /**
     * The user and password for the proxy (Basic), sent when the proxy asks with a {@code 407}, on
     * both transports, and never to the API itself; default none. A proxy that still refuses ends
     * the call with an {@link AuthenticationException} of status 407.
     *
     * <p>For an https base URL the JDK tunnels through the proxy with {@code CONNECT}, and by
     * default it refuses to answer Basic there: start the JVM with {@code
     * -Djdk.http.auth.tunneling.disabledSchemes=} (empty), or set that system property before the
     * first HTTP request of the process. The {@code lightpane} command does this itself.
     *
     * @param user the proxy user name, not empty
     * @param password the proxy password; the array is copied, so the caller may clear it
     * @return this builder
     * @throws IllegalArgumentException when the user is empty
     */
    public Builder proxyCredentials(String user, char[] password) {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
      if (user.isEmpty()) {
        throw new IllegalArgumentException("The proxy user must not be empty.");
      }
      this.proxyCredentials = new ProxyCredentials(user, password);
      return this;
    }

    /**
     * Runs async continuations (and, with {@link Transport#URL_CONNECTION}, async exchanges);
     * default a pool of daemon threads owned by the client. An executor given here is not shut down
     * by {@link LightPaneClient#close()}.
     *
     * @param executor the executor, or null for the client's own
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = executor;
      return this;
    }

    /**
     * Uses the caller's own {@code HttpClient} (implies {@link Transport#JAVA_NET_HTTP}); its own
     * connect timeout, proxy and executor then apply instead of this builder's. Not closed by the
     * client.
     *
     * @param httpClient the client to send requests with, or null to build one
     * @return this builder
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = httpClient;
      return this;
    }

    /**
     * Which JDK HTTP stack to use; default {@link Transport#JAVA_NET_HTTP}.
     *
     * @param transport the stack; see {@link Transport} for what each one does
     * @return this builder
     */
    public Builder transport(Transport transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
      return this;
    }

    /**
     * Whether credentials may be sent over plain {@code http} to a host that is not loopback;
     * default false, which makes {@link #build()} refuse. Only for trusted networks.
     *
     * @param allow true to send them anyway
     * @return this builder
     */
    public Builder allowInsecureCredentials(boolean allow) {
      this.allowInsecureCredentials = allow;
      return this;
    }

    /**
     * Whether to trace every attempt at INFO (method, URL, status, time, attempt; credentials
     * masked, no bodies); default on when the environment variable {@code LIGHTPANE_LOG} is {@code
     * debug}.
     *
     * @param logTraffic true to log at INFO; false to log at DEBUG only, whatever {@code
     *     LIGHTPANE_LOG} says (unless {@link #fromEnv()} is called afterwards)
     * @return this builder
     */
    public Builder logTraffic(boolean logTraffic) {
      this.logTraffic = logTraffic;
      return this;
    }

    /**
     * The wall clock, for {@code Retry-After} dates; default UTC system clock.
     *
     * @param clock the clock; tests pass a fixed one
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * What waits between retries; default {@link Sleeper#SYSTEM} for sync calls and a delayed
     * executor (no blocked thread) for async calls. A sleeper set here is used by both.
     *
     * @param sleeper what waits, or null for the defaults; tests pass one that records the waits
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    /**
     * Builds the client.
     *
     * @return a new client; the builder can build more, each with its own connections
     * @throws IllegalArgumentException if the base URL is not an absolute http or https URL, or the
     *     default credential chain finds a malformed value
     * @throws IllegalStateException if credentials would go over plain http to a host that is not
     *     loopback, or {@code httpClient} is combined with {@link Transport#URL_CONNECTION}
     */
    public LightPaneClient build() {
      URI base = normalise(baseUrl);
      Credentials creds = credentials != null ? credentials : Credentials.defaultChain();
      if ("http".equals(base.getScheme())
          && creds.kind() != Credentials.Kind.ANONYMOUS
          && !allowInsecureCredentials
          && !isLoopback(base.getHost())) {
        throw new IllegalStateException(
            "Refusing to send "
                + (creds.kind() == Credentials.Kind.API_KEY ? "an access key" : "a session cookie")
                + " over plain http to "
                + base.getHost()
                + ": anyone on the network could read it. Use https, or allow insecure"
                + " credentials explicitly if the network is trusted.");
      }
      Transport chosen = transport != null ? transport : Transport.JAVA_NET_HTTP;
      if (httpClient != null && chosen == Transport.URL_CONNECTION) {
        throw new IllegalStateException(
            "An HttpClient was given, but the transport is URL_CONNECTION: choose one.");
      }
      boolean traced =
          logTraffic != null
              ? logTraffic
              : TrafficLogExchange.tracingRequested(System.getenv(ClientSetting.LOG_ENV));
      ExecutorService own = executor == null ? daemonPool() : null;
      Executor exec = executor != null ? executor : own;
      String agent =
          "lightpane-java/"
              + Version.get()
              + " (Java "
              + System.getProperty("java.version")
              + "; "
              + System.getProperty("os.name")
              + ")"
              + (userAgentSuffix == null || userAgentSuffix.isBlank() ? "" : " " + userAgentSuffix);
      ClientConfig config =
          new ClientConfig(
              base,
              creds,
              connectTimeout,
              requestTimeout,
              deadline,
              maxRetries,
              initialBackoff,
              maxBackoff,
              maxRetryAfter,
              agent,
              exec,
              clock,
              sleeper,
              () -> ThreadLocalRandom.current().nextDouble(),
              traced,
              proxyName(base));
      Watchdog watchdog = new Watchdog();
      HttpTransport t;
      if (chosen == Transport.URL_CONNECTION) {
        t =
            new UrlConnectionTransport(
                connectTimeout, proxySelector, proxyCredentials, exec, watchdog);
      } else if (httpClient != null) {
        t = new JdkHttpTransport(httpClient, false, watchdog);
      } else {
        HttpClient.Builder b =
            HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_2);
        if (proxySelector != null) {
          b.proxy(proxySelector);
        }
        if (proxyCredentials != null) {
          b.authenticator(proxyCredentials);
        }
        if (executor != null) {
          b.executor(executor);
        }
        t = new JdkHttpTransport(b.build(), true, watchdog);
      }
      return new LightPaneClient(config, t, watchdog, own, maxValueSize, batchesInFlight);
    }

    /** {@code host:port} of the proxy that calls to the base URL go through, or null. */
    private String proxyName(URI base) {
      ProxySelector selector = proxySelector != null ? proxySelector : ProxySelector.getDefault();
      if (httpClient != null || selector == null) {
        return null;
      }
      for (Proxy p : selector.select(base)) {
        if (p.type() == Proxy.Type.HTTP && p.address() instanceof InetSocketAddress a) {
          return a.getHostString() + ":" + a.getPort();
        }
      }
      return null;
    }

    private static Duration positive(Duration d, String what) {
      Objects.requireNonNull(d, what);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive, not " + d);
      }
      return d;
    }

    private static URI normalise(URI uri) {
      String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!"http".equals(scheme) && !"https".equals(scheme)) {
        throw new IllegalArgumentException(
            "Base URL '"
                + uri
                + "' must start with https:// (or http:// for a local server), such as"
                + " https://api.lightpane.cloud.");
      }
      if (uri.getHost() == null || uri.getHost().isEmpty()) {
        throw new IllegalArgumentException("Base URL '" + uri + "' has no host.");
      }
      if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
        throw new IllegalArgumentException(
            "Base URL '" + uri + "' must not have a query or fragment: give the API root only.");
      }
      if (uri.getRawUserInfo() != null) {
        throw new IllegalArgumentException(
            "Base URL must not carry a user name or password: use credentials(...) instead.");
      }
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      while (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }

    private static ExecutorService daemonPool() {
      AtomicInteger n = new AtomicInteger();
      // Threads are made on demand and die after a minute idle, so an idle client holds none.
      // Work offered after close() runs on the offering thread, so that async calls still in
      // flight when the client is closed complete instead of hanging.
      ThreadPoolExecutor pool =
          new ThreadPoolExecutor(
              ASYNC_THREADS,
              ASYNC_THREADS,
              60,
              TimeUnit.SECONDS,
              new LinkedBlockingQueue<>(),
              r -> {
                Thread t = new Thread(r, "lightpane-client-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
              },
              (task, executor) -> task.run());
      pool.allowCoreThreadTimeOut(true);
      return pool;
    }
  }
}
