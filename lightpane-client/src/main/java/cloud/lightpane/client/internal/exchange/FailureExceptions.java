package cloud.lightpane.client.internal.exchange;

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
import cloud.lightpane.client.internal.Call;
import cloud.lightpane.client.internal.ClientConfig;
import cloud.lightpane.client.internal.Secrets;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The one place where the final failure of a call becomes the public exception, for every call
 * (discover, streaming, async, keys); the words come from {@link FailureText}, and every message
 * passes through {@link Secrets#redact}.
 */
public final class FailureExceptions {
  private FailureExceptions() {}

  /**
   * The exception for the last failure of a call.
   *
   * @param attempts how many attempts were made
   * @param stop why the client stopped retrying, or null
   */
  public static LightPaneException of(
      ClientConfig config, Call call, Failure failure, int attempts, Decision.Stop stop) {
    String why = FailureText.stop(stop, config, failure, attempts);
    switch (failure.kind()) {
      case STATUS:
        return api(config, call, failure, why);
      case INVALID_JSON:
        return new InvalidResponseException(
            redact(config, FailureText.invalidJson(config, call, failure)), failure.io());
      case PROXY_AUTH:
        return new AuthenticationException(
            redact(config, FailureText.proxyAuth(config) + (why == null ? "" : " " + why)),
            407,
            null,
            Map.of(),
            null);
      case DEADLINE:
      case CONNECT_TIMEOUT:
      case READ_TIMEOUT:
        return new LightPaneTimeoutException(
            redact(config, FailureText.io(config, call, failure, attempts, why)), failure.io());
      default:
        return new LightPaneTransportException(
            redact(config, FailureText.io(config, call, failure, attempts, why)), failure.io());
    }
  }

  /**
   * The exception for an I/O failure while the caller reads a streamed body (after the attempt was
   * handed over, so never retried).
   */
  public static LightPaneException reading(
      ClientConfig config, Call call, IOException e, Map<String, List<String>> headers) {
    Failure failure =
        e instanceof JsonProcessingException
            ? Failure.invalidJson(e, headers)
            : Failure.of(e, Long.MAX_VALUE);
    return of(config, call, failure, 1, null);
  }

  /** The exception for a response of the wrong shape. */
  public static InvalidResponseException wrongShape(
      ClientConfig config, Call call, String problem) {
    return new InvalidResponseException(
        redact(config, FailureText.wrongShape(config, call, problem)), null);
  }

  private static LightPaneApiException api(ClientConfig config, Call call, Failure f, String why) {
    int status = f.status();
    Duration retryAfter = status == 429 ? RetryAfter.of(f, config.clock()) : null;
    String message = redact(config, FailureText.status(config, call, f, retryAfter, why));
    String error = Secrets.redact(f.errorMessage(), config.credentials());
    String body = Secrets.redact(f.body(), config.credentials());
    switch (status) {
      case 400:
        return new BadRequestException(message, status, error, f.headers(), body);
      case 401:
      case 407:
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

  private static String redact(ClientConfig config, String text) {
    return Secrets.redact(text, config.credentials());
  }
}
