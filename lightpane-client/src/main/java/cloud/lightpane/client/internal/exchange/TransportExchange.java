package cloud.lightpane.client.internal.exchange;

import cloud.lightpane.client.internal.BodyReader;
import cloud.lightpane.client.internal.Call;
import cloud.lightpane.client.internal.ClientConfig;
import cloud.lightpane.client.internal.transport.HttpTransport;
import cloud.lightpane.client.internal.transport.TransportRequest;
import cloud.lightpane.client.internal.transport.TransportResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The innermost layer: turns an attempt into an HTTP exchange on the {@link HttpTransport}, reads a
 * success's body within the attempt (so that a broken body counts as a failed attempt), and
 * classifies every failure into a {@link Failure}.
 */
public final class TransportExchange implements Exchange {
  private final ClientConfig config;
  private final HttpTransport transport;

  /** The layer over a transport. */
  public TransportExchange(ClientConfig config, HttpTransport transport) {
    this.config = config;
    this.transport = transport;
  }

  private TransportRequest request(Attempt attempt) {
    Call call = attempt.call();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "application/json");
    headers.put("User-Agent", config.userAgent());
    if (call.body() != null) {
      headers.put("Content-Type", "application/json");
    }
    headers.putAll(attempt.headers());
    return new TransportRequest(
        call.method(),
        config.resolve(call.path()),
        headers,
        call.body(),
        config.requestTimeout(),
        attempt.deadlineNanos(),
        call.idempotent());
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> Outcome<T> send(Attempt attempt, BodyReader<T> reader) throws InterruptedException {
    TransportResponse response = null;
    try {
      response = transport.send(request(attempt));
      if (!isSuccess(response.status())) {
        return Outcome.failure(Failure.of(response));
      }
      if (reader == (Object) BodyReader.UNREAD) {
        TransportResponse open = response;
        response = null;
        return Outcome.success((T) open, open.status(), open.headers());
      }
      T value = reader.read(response);
      response.finish();
      return Outcome.success(value, response.status(), response.headers());
    } catch (JsonProcessingException e) {
      return Outcome.failure(Failure.invalidJson(e, response.headers()));
    } catch (IOException e) {
      return Outcome.failure(Failure.of(e, attempt.deadlineNanos()));
    } finally {
      closeQuietly(response);
    }
  }

  @Override
  public <T> CompletableFuture<Outcome<T>> sendAsync(Attempt attempt, BodyReader<T> reader) {
    CompletableFuture<TransportResponse> exchange = transport.sendAsync(request(attempt));
    attempt.inFlight(exchange);
    return exchange.handleAsync(
        (response, error) -> {
          if (error != null) {
            Throwable cause = unwrap(error);
            if (cause instanceof IOException) {
              return Outcome.failure(Failure.of((IOException) cause, attempt.deadlineNanos()));
            }
            throw new CompletionException(cause); // cancelled, or a bug: not the network's doing
          }
          if (!isSuccess(response.status())) {
            return Outcome.failure(Failure.of(response));
          }
          try {
            return Outcome.success(reader.read(response), response.status(), response.headers());
          } catch (JsonProcessingException e) {
            return Outcome.failure(Failure.invalidJson(e, response.headers()));
          } catch (IOException e) {
            return Outcome.failure(Failure.of(e, attempt.deadlineNanos()));
          }
        },
        config.executor());
  }

  private static boolean isSuccess(int status) {
    return status >= 200 && status < 300;
  }

  static Throwable unwrap(Throwable t) {
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static void closeQuietly(TransportResponse r) {
    if (r != null) {
      try {
        r.close();
      } catch (IOException ignored) {
        // The response is abandoned; a failure to close it has no one to tell.
      }
    }
  }
}
