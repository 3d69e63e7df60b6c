package cloud.lightpane.client.internal;

import cloud.lightpane.client.AuthenticationException;
import cloud.lightpane.client.BadRequestException;
import cloud.lightpane.client.InvalidResponseException;
import cloud.lightpane.client.LightPaneApiException;
import cloud.lightpane.client.LightPaneException;
import cloud.lightpane.client.LightPaneTimeoutException;
import cloud.lightpane.client.LightPaneTransportException;
import cloud.lightpane.client.NotFoundException;
import cloud.lightpane.client.PermissionDeniedException;
import cloud.lightpane.client.RateLimitException;
import cloud.lightpane.client.ServerException;
import cloud.lightpane.client.UnexpectedStatusException;
import cloud.lightpane.client.auth.Credentials;
import cloud.lightpane.client.internal.json.ValueTooLargeException;
import cloud.lightpane.client.internal.transport.NotSentException;
import cloud.lightpane.client.internal.transport.Watchdog;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * Turns a failed attempt into the exception the caller sees, with a message that says what happened
 * and what to do. Every message passes through {@link Secrets#redact}.
 */
public final class Failures {
  private Failures() {}

  /**
   * The exception for the last failure of a call.
   *
   * @param attempts how many attempts were made
   * @param reason why the client stopped retrying (a sentence), or null
   */
  public static LightPaneException toException(
      ClientConfig config, Call call, Failure failure, int attempts, String reason) {
    if (failure.io() != null) {
      return transport(config, call, failure.io(), attempts, reason);
    }
    return api(config, call, failure, reason);
  }

  static LightPaneApiException api(ClientConfig config, Call call, Failure f, String reason) {
    int status = f.status();
    String what = f.errorMessage() != null ? f.errorMessage() : phrase(status);
    StringBuilder m = new StringBuilder(what).append(" (HTTP ").append(status).append(").");
    Duration retryAfter = status == 429 ? RetryPolicy.retryAfter(f, config.clock()) : null;
    String hint = hint(config, call, f, retryAfter);
    if (hint != null) {
      m.append(' ').append(hint);
    }
    if (reason != null) {
      m.append(' ').append(reason);
    }
    String message = Secrets.redact(m.toString(), config.credentials());
    String error = Secrets.redact(f.errorMessage(), config.credentials());
    String body = Secrets.redact(f.body(), config.credentials());
    switch (status) {
      case 400:
        return new BadRequestException(message, status, error, f.headers(), body);
      case 401:
        return new AuthenticationException(message, status, error, f.headers(), body);
      case 403:
        return new PermissionDeniedException(message, status, error, f.headers(), body);
      case 404:
        return new NotFoundException(message, status, error, f.headers(), body);
      case 429:
        return new RateLimitException(message, status, error, f.headers(), body, retryAfter);
      default:
        // 501 says "this server does not do that", not "try later": not a server failure.
        return status >= 500 && status <= 599 && status != 501
            ? new ServerException(message, status, error, f.headers(), body)
            : new UnexpectedStatusException(message, status, error, f.headers(), body);
    }
  }

  private static String hint(ClientConfig config, Call call, Failure f, Duration retryAfter) {
    String error = f.errorMessage() == null ? "" : f.errorMessage();
    Credentials creds = config.credentials();
    switch (f.status()) {
      case 400:
        return badRequestHint(error);
      case 401:
        if (error.equals("Session required")
            || (error.isEmpty()
                && call.path().startsWith("/keys")
                && creds.kind() != Credentials.Kind.SESSION)) {
          return "Managing keys needs a session: set LIGHTPANE_SESSION to the value of the"
              + " lightpane_session cookie (an access key cannot manage keys).";
        }
        if (error.equals("Token revoked")) {
          return "The key "
              + creds.masked()
              + " has been revoked: create a new key and use it instead.";
        }
        if (creds.kind() == Credentials.Kind.ANONYMOUS) {
          return "No credentials were sent: set LIGHTPANE_API_KEY or LIGHTPANE_SESSION.";
        }
        if (creds.kind() == Credentials.Kind.SESSION) {
          return "Check LIGHTPANE_SESSION (sessions last 8 hours) or log in again.";
        }
        return "Check LIGHTPANE_API_KEY or create a new key.";
      case 403:
        return forbiddenHint(error);
      case 404:
        if (error.equals("Grant not found")) {
          return "No key with that id belongs to you: list the keys to see their ids.";
        }
        return "The server at "
            + config.baseUrl()
            + " has no "
            + call.path()
            + ": check the base URL (the API root, such as https://api.lightpane.cloud).";
      case 405:
        return "The server does not allow " + call.label() + ": check the base URL.";
      case 408:
        return "The server gave up waiting for the request: try again.";
      case 413:
        return "The request is larger than the server accepts (1 MiB): send fewer services per"
            + " request.";
      case 415:
        return "The server refused the request's content type; please report this as a bug.";
      case 429:
        return rateLimitHint(f, retryAfter);
      default:
        if (f.status() >= 300 && f.status() < 400) {
          String location = f.header("Location");
          return "The server redirects"
              + (location == null ? "" : " to " + location)
              + "; the client does not follow redirects: set the base URL to the API root itself"
              + " (often the https:// form of the same address).";
        }
        if (f.status() == 501) {
          return "The server does not support this request; check the base URL.";
        }
        if (f.status() >= 500) {
          return serverHint(f);
        }
        return null;
    }
  }

  private static String badRequestHint(String error) {
    if (error.startsWith("Batch size")) {
      return "Send fewer services per request (at most 100, or the key's max_batch_size).";
    }
    if (error.equals("Invalid service identifier")) {
      return "Check the service ids against the catalogue (for example ec2, s3,"
          + " lambda_functions).";
    }
    if (error.equals("Invalid provider")) {
      return "Use the provider the service belongs to: aws, gcp or azure.";
    }
    if (error.equals("Invalid region")) {
      return "Check the region for the provider (for example eu-west-2 for aws, europe-west2 for"
          + " gcp, global for global services).";
    }
    if (error.startsWith("Invalid attribute") || error.startsWith("Duplicate attribute")) {
      return "Check the attributes against the service's columns; name each once.";
    }
    if (error.equals("Invalid source")) {
      return "Use live or mock as the source.";
    }
    if (error.startsWith("Invalid constraint")
        || error.startsWith("Invalid grant_type")
        || error.startsWith("Invalid label")
        || error.startsWith("Invalid expires_in_days")
        || error.startsWith("Unknown cloud account")
        || error.startsWith("Unknown group")
        || error.startsWith("'cloud_accounts'")) {
      return "Fix that field of the key request and try again.";
    }
    return "Check the request and try again.";
  }

  private static String forbiddenHint(String error) {
    if (error.startsWith("Origin not permitted")) {
      return "Call from an origin in the key's allowed_origins, or use another key.";
    }
    if (error.startsWith("IP address not permitted")) {
      return "Call from an address in the key's allowed_ips, or use another key.";
    }
    if (error.startsWith("Referer header required")) {
      return "This key requires a Referer header: it is meant for web pages.";
    }
    if (error.startsWith("Service not permitted")) {
      return "The key's allowed_services does not include this service: use another key.";
    }
    if (error.startsWith("Account not permitted")) {
      return "The key has no binding for that provider or account alias (anonymous callers"
          + " cannot name an account): check the account, or use a key bound to it.";
    }
    if (error.startsWith("CORS")) {
      return "Key management is not available to browsers.";
    }
    return "These credentials do not allow this request.";
  }

  private static String rateLimitHint(Failure f, Duration retryAfter) {
    StringBuilder s = new StringBuilder();
    String limit = f.header("RateLimit-Limit");
    if (limit != null) {
      s.append("The limit is ").append(limit).append(" requests a minute. ");
    }
    if (retryAfter != null) {
      s.append("Retry after ").append(seconds(retryAfter)).append('.');
    } else {
      s.append("Wait a minute and retry, or ask for a higher rate_limit_rpm.");
    }
    return s.toString().strip();
  }

  private static String serverHint(Failure f) {
    String type = f.header("Content-Type");
    if (f.errorMessage() == null && f.body() != null) {
      return "The answer was not a LightPane error"
          + (type == null ? "" : " (" + type.split(";")[0].strip() + ")")
          + ": it probably came from a proxy or gateway in front of the API. Try again later; if"
          + " it persists, check the base URL and any proxy.";
    }
    return "The server failed: try again later.";
  }

  private static String phrase(int status) {
    switch (status) {
      case 400:
        return "Bad request";
      case 401:
        return "Unauthorized";
      case 403:
        return "Forbidden";
      case 404:
        return "Not found";
      case 405:
        return "Method not allowed";
      case 408:
        return "Request timeout";
      case 413:
        return "Request body too large";
      case 415:
        return "Unsupported media type";
      case 429:
        return "Rate limit exceeded";
      case 500:
        return "Internal server error";
      case 501:
        return "Not implemented";
      case 502:
        return "Bad gateway";
      case 503:
        return "Service unavailable";
      case 504:
        return "Gateway timeout";
      default:
        return status >= 300 && status < 400 ? "Redirected" : "Unexpected status";
    }
  }

  /** The exception for an I/O failure. */
  public static LightPaneException transport(
      ClientConfig config, Call call, IOException e, int attempts, String reason) {
    String base = config.baseUrl().toString();
    Credentials creds = config.credentials();
    String tail = reason == null ? "" : " " + reason;
    if (e instanceof Watchdog.DeadlineExceededException) {
      return new LightPaneTimeoutException(
          Secrets.redact(
              call.label()
                  + " gave up after "
                  + seconds(config.deadline())
                  + ", its deadline"
                  + attemptsNote(attempts)
                  + ". Try again, or allow a longer deadline.",
              creds),
          e);
    }
    if (e instanceof NotSentException) {
      IOException cause = ((NotSentException) e).getCause();
      if (cause instanceof HttpConnectTimeoutException || cause instanceof SocketTimeoutException) {
        return new LightPaneTimeoutException(
            Secrets.redact(
                "Timed out after "
                    + seconds(config.connectTimeout())
                    + " connecting to "
                    + base
                    + ". Check the base URL, the network and any proxy, or allow a longer connect"
                    + " timeout."
                    + tail,
                creds),
            e);
      }
      if (cause instanceof UnknownHostException
          || hasCause(cause, UnresolvedAddressException.class)) {
        return new LightPaneTransportException(
            Secrets.redact(
                "Cannot find the host "
                    + URI.create(base).getHost()
                    + " (DNS lookup failed). Check the base URL and the network."
                    + tail,
                creds),
            e);
      }
      String why = cause instanceof ConnectException ? "Connection refused" : describe(cause);
      if (cause instanceof NoRouteToHostException) {
        why = "No route to host";
      }
      return new LightPaneTransportException(
          Secrets.redact(
              "Cannot connect to "
                  + base
                  + ": "
                  + why
                  + ". Is the server running? Check the base URL."
                  + tail,
              creds),
          e);
    }
    if (e instanceof HttpTimeoutException || e instanceof SocketTimeoutException) {
      return new LightPaneTimeoutException(
          Secrets.redact(
              "Timed out waiting for the response to "
                  + call.label()
                  + " from "
                  + base
                  + ": nothing for "
                  + seconds(config.requestTimeout())
                  + " (the request timeout). The server may be overloaded or the network slow: try"
                  + " again, or allow a longer request timeout."
                  + tail,
              creds),
          e);
    }
    if (e instanceof SSLException) {
      return new LightPaneTransportException(
          Secrets.redact(
              "TLS with "
                  + base
                  + " failed: "
                  + describe(e)
                  + ". Check that the base URL's scheme (https or http) matches the server, and"
                  + " its certificate."
                  + tail,
              creds),
          e);
    }
    return new LightPaneTransportException(
        Secrets.redact(
            "The connection to "
                + base
                + " broke during "
                + call.label()
                + ": "
                + describe(e)
                + ". Try again; if it keeps happening, check the network and any proxy."
                + tail,
            creds),
        e);
  }

  /** The exception for a success status whose body is not the JSON it should be. */
  public static InvalidResponseException invalidJson(
      ClientConfig config, Call call, String contentType, JsonProcessingException e) {
    String type = contentType == null ? "no Content-Type" : contentType.split(";")[0].strip();
    String where =
        e.getLocation() == null ? "" : " at byte " + Math.max(0, e.getLocation().getByteOffset());
    ValueTooLargeException tooLarge =
        e instanceof ValueTooLargeException mine
            ? mine
            : e instanceof StreamConstraintsException limit
                ? ValueTooLargeException.from(limit)
                : null;
    String what;
    if (tooLarge != null) {
      return new InvalidResponseException(
          Secrets.redact(
              "The response to "
                  + call.label()
                  + " from "
                  + config.baseUrl()
                  + " is refused: "
                  + tooLarge.getOriginalMessage()
                  + ". The limit comes from the memory available (java -Xmx); ask for fewer"
                  + " attributes, or run with more memory.",
              config.credentials()),
          e);
    } else if (e instanceof JsonEOFException) {
      what = "ended before its JSON was complete" + where + " (the response was cut off)";
    } else {
      what = "is not valid JSON (" + type + ")" + where + ": " + firstLine(e.getOriginalMessage());
    }
    return new InvalidResponseException(
        Secrets.redact(
            "The response to "
                + call.label()
                + " from "
                + config.baseUrl()
                + " "
                + what
                + ". Try again; if it persists, check the base URL and any proxy in between.",
            config.credentials()),
        e);
  }

  /** The exception for a response of the wrong shape. */
  public static InvalidResponseException wrongShape(
      ClientConfig config, Call call, String problem) {
    return new InvalidResponseException(
        Secrets.redact(
            "The response to "
                + call.label()
                + " from "
                + config.baseUrl()
                + " is not a LightPane response: "
                + problem
                + ". Check the base URL (it should point at the LightPane API).",
            config.credentials()),
        null);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }

  private static String attemptsNote(int attempts) {
    return attempts > 1 ? " (" + attempts + " attempts)" : "";
  }

  private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
    for (int i = 0; t != null && i < 10; i++, t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** The most specific message along a cause chain, or the class name when none has one. */
  public static String describe(Throwable e) {
    String message = null;
    Throwable t = e;
    for (int i = 0; t != null && i < 10; i++, t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        message = t.getMessage();
      }
      if (t.getCause() == t) {
        break;
      }
    }
    if (message == null) {
      message = e.getClass().getSimpleName();
    }
    return message;
  }

  /** A duration for people: {@code 500 ms}, {@code 3 s}, {@code 2.5 s}. */
  public static String seconds(Duration d) {
    if (d == null) {
      return "none";
    }
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + " ms";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + " s";
    }
    return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
  }
}
