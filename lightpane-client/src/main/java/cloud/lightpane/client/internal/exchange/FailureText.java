package cloud.lightpane.client.internal.exchange;

import cloud.lightpane.client.ErrorReason;
import cloud.lightpane.client.auth.Credentials;
import cloud.lightpane.client.internal.Call;
import cloud.lightpane.client.internal.ClientConfig;
import cloud.lightpane.client.internal.json.ValueTooLargeException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * The one place that turns a failure's kind, the server's reason and the retry policy's stop into
 * words: what happened, and what to do. Callers pass every sentence through {@link
 * cloud.lightpane.client.internal.Secrets#redact}.
 */
final class FailureText {
  private FailureText() {}

  /** Why the client stopped retrying, as a sentence; null when not worth saying. */
  static String stop(Decision.Stop stop, ClientConfig config, Failure failure, int attempts) {
    if (stop == null) {
      return null;
    }
    switch (stop) {
      case ARRIVED_NOT_REPEATABLE:
        return "Not retried: the request reached the server, and creating a key twice is not safe.";
      case MAY_HAVE_ARRIVED_NOT_REPEATABLE:
        return "Not retried: the request may have reached the server, and creating a key twice is"
            + " not safe; list the keys to see whether it was created.";
      case RETRY_AFTER_TOO_LONG:
        return "The server asks to wait "
            + seconds(RetryAfter.of(failure, config.clock()))
            + ", longer than the "
            + seconds(config.retryAfterCap())
            + " this client waits by itself.";
      case GAVE_UP:
        return "Gave up after " + attempts + " attempts.";
      case NO_TIME_LEFT:
        return "The call's deadline leaves no time for another attempt.";
      default:
        return null;
    }
  }

  /** {@code Invalid region (HTTP 400). <hint> <stop>} for an error status. */
  static String status(
      ClientConfig config, Call call, Failure f, Duration retryAfter, String stop) {
    int status = f.status();
    String what = f.errorMessage() != null ? f.errorMessage() : phrase(status);
    StringBuilder m = new StringBuilder(what).append(" (HTTP ").append(status).append(").");
    String hint = hint(config, call, f, retryAfter);
    if (hint != null) {
      m.append(' ').append(hint);
    }
    if (stop != null) {
      m.append(' ').append(stop);
    }
    return m.toString();
  }

  private static String hint(ClientConfig config, Call call, Failure f, Duration retryAfter) {
    ErrorReason reason = f.reason();
    Credentials creds = config.credentials();
    switch (f.status()) {
      case 400:
        return badRequestHint(reason);
      case 401:
        if (reason.equals(ErrorReason.SESSION_REQUIRED)
            || (reason.equals(ErrorReason.NONE)
                && call.path().startsWith("/keys")
                && creds.kind() != Credentials.Kind.SESSION)) {
          return "Managing keys needs a session: set LIGHTPANE_SESSION to the value of the"
              + " lightpane_session cookie (an access key cannot manage keys).";
        }
        if (reason.equals(ErrorReason.TOKEN_REVOKED)) {
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
        return forbiddenHint(reason);
      case 407:
        return proxyHint(config);
      case 404:
        if (reason.equals(ErrorReason.GRANT_NOT_FOUND)) {
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

  /** A proxy that refused to open a tunnel, as a whole message. */
  static String proxyAuth(ClientConfig config) {
    return "Proxy authentication required (HTTP 407). " + proxyHint(config);
  }

  private static String proxyHint(ClientConfig config) {
    String proxy = config.proxy() == null ? "" : " at " + config.proxy();
    String variable =
        "https".equalsIgnoreCase(config.baseUrl().getScheme()) ? "HTTPS_PROXY" : "HTTP_PROXY";
    return "The proxy"
        + proxy
        + " refused to pass the request on without valid credentials: put its user and password in "
        + variable
        + " (http://user:password@host:port), or give them to the client's"
        + " proxyCredentials.";
  }

  private static String badRequestHint(ErrorReason reason) {
    switch (reason.code()) {
      case "batch_size_exceeded":
        return "Send fewer services per request (at most 100, or the key's max_batch_size).";
      case "invalid_service":
        return "Check the service ids against the catalogue (for example ec2, s3,"
            + " lambda_functions).";
      case "invalid_provider":
        return "Use the provider the service belongs to: aws, gcp or azure.";
      case "invalid_region":
        return "Check the region for the provider (for example eu-west-2 for aws, europe-west2 for"
            + " gcp, global for global services).";
      case "invalid_attribute":
      case "duplicate_attribute":
        return "Check the attributes against the service's columns; name each once.";
      case "invalid_source":
        return "Use live or mock as the source.";
      case "invalid_constraint":
      case "invalid_grant_type":
      case "invalid_label":
      case "invalid_expires_in_days":
      case "unknown_cloud_account":
      case "unknown_group":
      case "empty_cloud_accounts":
        return "Fix that field of the key request and try again.";
      default:
        return "Check the request and try again.";
    }
  }

  private static String forbiddenHint(ErrorReason reason) {
    switch (reason.code()) {
      case "origin_not_permitted":
        return "Call from an origin in the key's allowed_origins, or use another key.";
      case "ip_not_permitted":
        return "Call from an address in the key's allowed_ips, or use another key.";
      case "referer_required":
        return "This key requires a Referer header: it is meant for web pages.";
      case "service_not_permitted":
        return "The key's allowed_services does not include this service: use another key.";
      case "account_not_permitted":
        return "The key has no binding for that provider or account alias (anonymous callers"
            + " cannot name an account): check the account, or use a key bound to it.";
      case "cors_not_allowed":
        return "Key management is not available to browsers.";
      default:
        return "These credentials do not allow this request.";
    }
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
      case 407:
        return "Proxy authentication required";
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

  /** The sentence for an I/O failure of any kind but {@link FailureKind#STATUS}. */
  static String io(ClientConfig config, Call call, Failure f, int attempts, String stop) {
    String base = config.baseUrl().toString();
    String tail = stop == null ? "" : " " + stop;
    Throwable cause = f.io().getCause() != null ? f.io().getCause() : f.io();
    switch (f.kind()) {
      case DEADLINE:
        return call.label()
            + " gave up after "
            + seconds(config.deadline())
            + ", its deadline"
            + (attempts > 1 ? " (" + attempts + " attempts)" : "")
            + ". Try again, or allow a longer deadline.";
      case CONNECT_TIMEOUT:
        return "Timed out after "
            + seconds(config.connectTimeout())
            + " connecting to "
            + base
            + ". Check the base URL, the network and any proxy, or allow a longer connect"
            + " timeout."
            + tail;
      case DNS:
        return "Cannot find the host "
            + URI.create(base).getHost()
            + " (DNS lookup failed). Check the base URL and the network."
            + tail;
      case REFUSED:
      case UNREACHABLE:
      case CONNECT:
        String why =
            f.kind() == FailureKind.REFUSED
                ? "Connection refused"
                : f.kind() == FailureKind.UNREACHABLE ? "No route to host" : describe(cause);
        return "Cannot connect to "
            + base
            + ": "
            + why
            + ". Is the server running? Check the base URL."
            + tail;
      case READ_TIMEOUT:
        return "Timed out waiting for the response to "
            + call.label()
            + " from "
            + base
            + ": nothing for "
            + seconds(config.requestTimeout())
            + " (the request timeout). The server may be overloaded or the network slow: try"
            + " again, or allow a longer request timeout."
            + tail;
      case TLS:
        return "TLS with "
            + base
            + " failed: "
            + describe(f.io())
            + ". Check that the base URL's scheme (https or http) matches the server, and"
            + " its certificate."
            + tail;
      default:
        return "The connection to "
            + base
            + " broke during "
            + call.label()
            + ": "
            + describe(f.io())
            + ". Try again; if it keeps happening, check the network and any proxy."
            + tail;
    }
  }

  /** The sentence for a success whose body is not valid JSON. */
  static String invalidJson(ClientConfig config, Call call, Failure f) {
    JsonProcessingException e = (JsonProcessingException) f.io();
    String contentType = f.header("Content-Type");
    String type = contentType == null ? "no Content-Type" : contentType.split(";")[0].strip();
    String where =
        e.getLocation() == null ? "" : " at byte " + Math.max(0, e.getLocation().getByteOffset());
    ValueTooLargeException tooLarge =
        e instanceof ValueTooLargeException mine
            ? mine
            : e instanceof StreamConstraintsException limit
                ? ValueTooLargeException.from(limit)
                : null;
    if (tooLarge != null) {
      return "The response to "
          + call.label()
          + " from "
          + config.baseUrl()
          + " is refused: "
          + tooLarge.getOriginalMessage()
          + ". The limit comes from the memory available (java -Xmx); ask for fewer"
          + " attributes, or run with more memory.";
    }
    String what =
        e instanceof JsonEOFException
            ? "ended before its JSON was complete" + where + " (the response was cut off)"
            : "is not valid JSON (" + type + ")" + where + ": " + firstLine(e.getOriginalMessage());
    return "The response to "
        + call.label()
        + " from "
        + config.baseUrl()
        + " "
        + what
        + ". Try again; if it persists, check the base URL and any proxy in between.";
  }

  /** The sentence for a response of the wrong shape. */
  static String wrongShape(ClientConfig config, Call call, String problem) {
    return "The response to "
        + call.label()
        + " from "
        + config.baseUrl()
        + " is not a LightPane response: "
        + problem
        + ". Check the base URL (it should point at the LightPane API).";
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }

  /** The most specific message along a cause chain, or the class name when none has one. */
  static String describe(Throwable e) {
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

  /**
   * A duration for people, of any size: {@code 500 ms}, {@code 3 s}, {@code 2.5 s}, {@code 4 min 10
   * s}, {@code 2 h 5 min}, {@code 3 days 4 h}; from 100 days on, {@code more than N days} (or
   * {@code N days} when exact), since hours no longer matter.
   */
  static String seconds(Duration d) {
    if (d == null) {
      return "none";
    }
    long s = d.getSeconds();
    if (s < 1) {
      return d.toMillis() + " ms";
    }
    if (s < 60) {
      long ms = d.toMillis();
      return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
    if (s < 3600) {
      return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
    }
    if (s < 86_400) {
      return s / 3600 + " h" + (s / 60 % 60 == 0 ? "" : " " + s / 60 % 60 + " min");
    }
    long days = s / 86_400;
    boolean exact = s % 86_400 == 0 && d.getNano() == 0;
    String count = days + (days == 1 ? " day" : " days");
    if (exact) {
      return count;
    }
    long hours = s / 3600 % 24;
    return days < 100 && hours > 0 ? count + " " + hours + " h" : "more than " + count;
  }
}
