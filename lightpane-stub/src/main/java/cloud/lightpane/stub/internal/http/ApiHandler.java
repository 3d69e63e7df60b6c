package cloud.lightpane.stub.internal.http;

import cloud.lightpane.stub.internal.auth.Authenticator;
import cloud.lightpane.stub.internal.auth.Caller;
import cloud.lightpane.stub.internal.discovery.DiscoveryEndpoint;
import cloud.lightpane.stub.internal.errors.ApiError;
import cloud.lightpane.stub.internal.errors.ApiException;
import cloud.lightpane.stub.internal.faults.FaultFilter;
import cloud.lightpane.stub.internal.faults.FaultSpec;
import cloud.lightpane.stub.internal.keys.Grant;
import cloud.lightpane.stub.internal.keys.KeyConstraints;
import cloud.lightpane.stub.internal.keys.KeysEndpoint;
import cloud.lightpane.stub.internal.limits.CallerAddress;
import cloud.lightpane.stub.internal.limits.IpRange;
import cloud.lightpane.stub.internal.limits.RateLimiter;
import cloud.lightpane.stub.internal.limits.WebOrigin;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every request of the API, in the contract's order of checks (Part B): routing, framing and size,
 * the CORS preflight, authentication, key constraints, rate limit, content type, then the body. The
 * first check that fails decides the response.
 */
public final class ApiHandler implements HttpHandler {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /** Jackson's words for a repeated key: {@code Duplicate field 'name'}. */
  private static final Pattern DUPLICATE =
      Pattern.compile("Duplicate field '(.*)'", Pattern.DOTALL);

  private final Clock clock;
  private final Authenticator authenticator;
  private final RateLimiter rateLimiter;
  private final Integer defaultRateLimit;
  private final CallerAddress callerAddress;
  private final DiscoveryEndpoint discovery;
  private final KeysEndpoint keys;
  private final RequestLog log;
  private final Watchdog watchdog;

  /** A handler over these parts; {@code defaultRateLimit} null means no default limit. */
  public ApiHandler(
      Clock clock,
      Authenticator authenticator,
      RateLimiter rateLimiter,
      Integer defaultRateLimit,
      CallerAddress callerAddress,
      DiscoveryEndpoint discovery,
      KeysEndpoint keys,
      RequestLog log,
      Watchdog watchdog) {
    this.clock = clock;
    this.authenticator = authenticator;
    this.rateLimiter = rateLimiter;
    this.defaultRateLimit = defaultRateLimit;
    this.callerAddress = callerAddress;
    this.discovery = discovery;
    this.keys = keys;
    this.log = log;
    this.watchdog = watchdog;
  }

  @Override
  public void handle(HttpExchange exchange) {
    long started = System.nanoTime();
    Instant received = clock.instant();
    Response response = new Response(exchange);
    String[] who = {"-"};
    watchdog.bodyStarted();
    try {
      process(exchange, response, who);
    } catch (ApiException e) {
      send(response, e);
    } catch (IOException e) {
      who[0] += " (client went away: " + e.getClass().getSimpleName() + ")";
    } catch (RuntimeException e) {
      who[0] += " (internal error: " + e.getClass().getName() + ")";
      if (!response.sent()) {
        send(response, ApiError.INTERNAL.exception());
      }
    } finally {
      watchdog.bodyDone();
      if (watchdog.timedOut()) {
        who[0] += " (closed: the body took longer than the time limit)";
      }
      // Log before closing: closing flushes the last bytes to the client, and a client that has
      // its answer must find the line already written (tests and people reading the log alike).
      log.log(
          received,
          exchange.getRemoteAddress().getAddress().getHostAddress(),
          exchange.getRequestMethod(),
          exchange.getRequestURI().getRawPath(),
          response.status(),
          (System.nanoTime() - started) / 1000,
          who[0]);
      if (response.lingers()) {
        // The answer is flushed; the close waits on the scheduler, and this worker is free now.
        try {
          response.finish();
        } catch (IOException e) {
          // The client went away before its answer: closing is all that is left.
        }
        watchdog.later(Response.LINGER_MILLIS, exchange::close);
      } else {
        response.close();
      }
    }
  }

  private void process(HttpExchange exchange, Response response, String[] who) throws IOException {
    Headers request = exchange.getRequestHeaders();
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    String origin = request.getFirst("Origin");

    // 1. Routing.
    Route route = Route.of(path);
    if (route == null) {
      throw withoutBody(exchange, ApiError.NOT_FOUND.exception());
    }
    if (route == Route.DISCOVERY && origin != null) {
      response.cors(Cors.ANY, origin); // until authentication says otherwise
    }
    if (!route.allows(method)) {
      if (route != Route.DISCOVERY
          && method.equals("OPTIONS")
          && origin != null
          && request.containsKey("Access-Control-Request-Method")) {
        throw withoutBody(exchange, ApiError.CORS_NOT_ALLOWED.exception());
      }
      throw withoutBody(
          exchange, ApiError.METHOD_NOT_ALLOWED.exception().header("Allow", route.allow()));
    }

    // 2. Framing and size: 413 before a byte of the body is read.
    byte[] body = RequestBody.read(exchange, RequestBody.declaredLength(exchange));
    watchdog.bodyDone();
    if (method.equals("OPTIONS")) {
      response.cors(Cors.NONE, origin);
      Cors.preflight(exchange.getResponseHeaders(), origin);
      response.empty(204);
      return;
    }

    // 3. Authentication.
    Instant now = clock.instant();
    Caller caller;
    if (route == Route.DISCOVERY) {
      who[0] = request.containsKey("Authorization") ? "bearer:rejected" : "-";
      caller = authenticator.authenticate(request.get("Cookie"), request.get("Authorization"), now);
    } else if (authenticator.hasSession(request.get("Cookie"), now)) {
      caller = new Caller.Session();
    } else {
      throw ApiError.SESSION_REQUIRED.exception();
    }
    who[0] = describe(caller);
    InetAddress address =
        callerAddress.resolve(
            exchange.getRemoteAddress().getAddress(), request.get("X-Forwarded-For"));
    if (route == Route.DISCOVERY && origin != null) {
      response.cors(cors(caller, origin), origin);
    }

    // 4. Key constraints: IP, then referer, then origin.
    if (caller instanceof Caller.Key key) {
      checkConstraints(key.grant().constraints(), address, request);
    }

    // 5. Rate limit.
    Integer limit = null;
    String bucket = null;
    if (caller instanceof Caller.Key key) {
      Integer own = key.grant().constraints().rateLimitRpm();
      limit = own != null ? own : defaultRateLimit;
      bucket = "key:" + key.grant().grantId();
    } else if (caller instanceof Caller.Anonymous) {
      limit = defaultRateLimit;
      bucket = "ip:" + address.getHostAddress();
    }
    if (limit != null) {
      RateLimiter.Decision decision = rateLimiter.acquire(bucket, limit);
      response.rateLimit(decision);
      if (!decision.admitted()) {
        throw ApiError.RATE_LIMITED.exception();
      }
    }

    // Faults injected on purpose (--fault status:CODE): after the rate limit, so a faulted request
    // counts against the window like any admitted request.
    FaultSpec injected = FaultFilter.injectedStatus(exchange);
    if (injected != null) {
      ApiException fault = ApiError.injected(injected.status());
      if (injected.retryAfterSeconds() >= 0) {
        fault.header("Retry-After", Long.toString(injected.retryAfterSeconds()));
      }
      throw fault;
    }

    // 6. Content type.
    if (method.equals("POST") && !isJson(request.getFirst("Content-Type"))) {
      throw ApiError.UNSUPPORTED_MEDIA_TYPE.exception();
    }

    // 7. The body and the answer.
    switch (route) {
      case DISCOVERY -> {
        DiscoveryEndpoint.Answer answer = discovery.prepare(parse(body), caller);
        response.stream(
            out -> answer.writeTo(out, clock.instant()), FaultFilter.spoilsBody(exchange));
      }
      case KEYS -> {
        if (method.equals("GET")) {
          response.json(200, keys.list());
        } else {
          response.json(201, keys.create(parse(body), now));
        }
      }
      case GRANT -> response.json(200, keys.revoke(Route.grantId(path)));
    }
  }

  private static Cors cors(Caller caller, String origin) {
    if (caller instanceof Caller.Session) {
      return Cors.NONE;
    }
    if (caller instanceof Caller.Key key) {
      List<WebOrigin> allowed = key.grant().constraints().origins();
      if (allowed != null) {
        Optional<WebOrigin> sent = WebOrigin.parse(origin);
        return sent.isPresent() && allowed.contains(sent.get()) ? Cors.ECHO : Cors.NONE;
      }
    }
    return Cors.ANY;
  }

  private static void checkConstraints(
      KeyConstraints constraints, InetAddress address, Headers request) {
    List<IpRange> ranges = constraints.ipRanges();
    if (ranges != null && ranges.stream().noneMatch(r -> r.contains(address))) {
      throw ApiError.IP_NOT_PERMITTED.exception();
    }
    String referer = request.getFirst("Referer");
    if (constraints.refererRequired() && (referer == null || referer.isBlank())) {
      throw ApiError.REFERER_REQUIRED.exception();
    }
    List<WebOrigin> origins = constraints.origins();
    if (origins != null) {
      String origin = request.getFirst("Origin");
      Optional<WebOrigin> caller =
          origin != null ? WebOrigin.parse(origin) : WebOrigin.ofReferer(referer);
      if (caller.isEmpty() || !origins.contains(caller.get())) {
        throw ApiError.ORIGIN_NOT_PERMITTED.exception();
      }
    }
  }

  /** Whether the media type is {@code application/json}, any case, parameters allowed. */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.trim().toLowerCase(Locale.ROOT).equals("application/json");
  }

  private static JsonNode parse(byte[] body) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw ApiError.INVALID_JSON.exception();
      }
      return node;
    } catch (JsonParseException e) {
      Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
      if (duplicate.matches()) {
        throw ApiError.DUPLICATE_KEY.exception(duplicate.group(1));
      }
      throw ApiError.INVALID_JSON.exception();
    } catch (IOException e) { // JsonProcessingException included: not JSON
      throw ApiError.INVALID_JSON.exception();
    }
  }

  /**
   * An answer given before the body is read: an empty body is consumed so the connection stays
   * usable; a body that was sent stays unread and the connection closes after the answer.
   */
  private static ApiException withoutBody(HttpExchange exchange, ApiException error) {
    Headers request = exchange.getRequestHeaders();
    String length = request.getFirst("Content-Length");
    boolean noBody =
        !request.containsKey("Transfer-Encoding") && (length == null || length.trim().equals("0"));
    if (noBody) {
      RequestBody.consumeEmpty(exchange);
    } else {
      error.closeConnection();
    }
    return error;
  }

  private static String describe(Caller caller) {
    if (caller instanceof Caller.Key key) {
      Grant grant = key.grant();
      return "key:" + grant.tokenPrefix();
    }
    return caller instanceof Caller.Session ? "session" : "anonymous";
  }

  private static void send(Response response, ApiException error) {
    try {
      response.error(error);
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the answer already started; the exchange closes either way
    }
  }
}
