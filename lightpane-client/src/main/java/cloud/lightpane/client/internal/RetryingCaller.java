package cloud.lightpane.client.internal;

import cloud.lightpane.client.LightPaneException;
import cloud.lightpane.client.auth.Credentials;
import cloud.lightpane.client.internal.transport.HttpTransport;
import cloud.lightpane.client.internal.transport.NotSentException;
import cloud.lightpane.client.internal.transport.TransportRequest;
import cloud.lightpane.client.internal.transport.TransportResponse;
import cloud.lightpane.client.internal.transport.Watchdog;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends a call with credentials, retries it by the {@link RetryPolicy}, logs every attempt and
 * turns failures into the client's exceptions: the one path every request takes, sync or async.
 */
public final class RetryingCaller {
  private final ClientConfig config;
  private final HttpTransport transport;
  private final RetryPolicy policy;
  private final TrafficLog log;

  /** A caller over a transport. */
  public RetryingCaller(ClientConfig config, HttpTransport transport) {
    this.config = config;
    this.transport = transport;
    this.policy = new RetryPolicy(config);
    this.log = new TrafficLog(config.logTraffic(), config.credentials());
  }

  /** The configuration. */
  public ClientConfig config() {
    return config;
  }

  private TransportRequest request(Call call, long deadlineNanos) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "application/json");
    headers.put("User-Agent", config.userAgent());
    if (call.body() != null) {
      headers.put("Content-Type", "application/json");
    }
    Credentials creds = config.credentials();
    if (creds.kind() == Credentials.Kind.API_KEY) {
      headers.put("Authorization", "Bearer " + creds.reveal());
    } else if (creds.kind() == Credentials.Kind.SESSION) {
      headers.put("Cookie", Credentials.SESSION_COOKIE_NAME + "=" + creds.reveal());
    }
    return new TransportRequest(
        call.method(),
        config.resolve(call.path()),
        headers,
        call.body(),
        config.requestTimeout(),
        deadlineNanos,
        call.idempotent());
  }

  private long deadline() {
    return config.deadline() == null
        ? Long.MAX_VALUE
        : System.nanoTime() + config.deadline().toNanos();
  }

  private String url(Call call) {
    return config.resolve(call.path()).toString();
  }

  /**
   * Sends the call (retrying as the policy allows) until the server answers with a success, and
   * returns that response with its body unread. Failures while reading the body are the caller's,
   * and are not retried.
   */
  public TransportResponse open(Call call) {
    return run(call, null);
  }

  /** Sends the call and reads the body within the attempt, so that a broken body is retried. */
  public <T> T execute(Call call, BodyReader<T> reader) {
    return run(call, reader);
  }

  @SuppressWarnings("unchecked")
  private <T> T run(Call call, BodyReader<T> reader) {
    long deadline = deadline();
    int maxAttempts = config.maxRetries() + 1;
    for (int attempt = 1; ; attempt++) {
      long started = System.nanoTime();
      Failure failure;
      TransportResponse response = null;
      try {
        response = transport.send(request(call, deadline));
        if (isSuccess(response.status())) {
          if (reader == null) {
            log.attempt(
                call, url(call), attempt, maxAttempts, status(response), elapsed(started), null);
            TransportResponse open = response;
            response = null;
            return (T) open;
          }
          T value = reader.read(response);
          response.finish();
          log.attempt(
              call, url(call), attempt, maxAttempts, status(response), elapsed(started), null);
          return value;
        }
        failure = Failure.of(response);
      } catch (JsonProcessingException e) {
        log.attempt(call, url(call), attempt, maxAttempts, "invalid JSON", elapsed(started), null);
        throw Failures.invalidJson(config, call, response.header("Content-Type"), e);
      } catch (IOException e) {
        failure = Failure.of(deadlineOr(e, deadline));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw interrupted(call, e);
      } finally {
        closeQuietly(response);
      }
      RetryPolicy.Decision decision =
          decideAndLog(call, attempt, maxAttempts, failure, deadline, started);
      if (!decision.retry()) {
        throw Failures.toException(config, call, failure, attempt, decision.reason());
      }
      try {
        sleeper().sleep(decision.delay());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw interrupted(call, e);
      }
    }
  }

  /**
   * A timeout that struck once the deadline had passed is the deadline's doing (the transport cut
   * its wait short to meet it), and must be reported and treated as such.
   */
  private static IOException deadlineOr(IOException e, long deadline) {
    Throwable t = e instanceof NotSentException ? e.getCause() : e;
    boolean timeout = t instanceof HttpTimeoutException || t instanceof SocketTimeoutException;
    if (timeout
        && !(t instanceof Watchdog.DeadlineExceededException)
        && deadline != Long.MAX_VALUE
        && System.nanoTime() - deadline >= 0) {
      IOException d = new Watchdog.DeadlineExceededException();
      d.initCause(e);
      return d;
    }
    return e;
  }

  private cloud.lightpane.client.Sleeper sleeper() {
    return config.sleeper() != null ? config.sleeper() : cloud.lightpane.client.Sleeper.SYSTEM;
  }

  private static boolean isSuccess(int status) {
    return status >= 200 && status < 300;
  }

  private static String status(TransportResponse r) {
    return String.valueOf(r.status());
  }

  /**
   * What follows a failed attempt, sync and async alike; the attempt is logged with that decision
   * (the wait before the next attempt, if any).
   */
  private RetryPolicy.Decision decideAndLog(
      Call call, int attempt, int maxAttempts, Failure failure, long deadline, long started) {
    RetryPolicy.Decision decision = policy.decide(call, attempt, failure, deadline);
    log.attempt(
        call,
        url(call),
        attempt,
        maxAttempts,
        failure.brief(),
        elapsed(started),
        decision.retry() ? decision.delay() : null);
    return decision;
  }

  private static long elapsed(long started) {
    return System.nanoTime() - started;
  }

  private LightPaneException interrupted(Call call, InterruptedException e) {
    return new LightPaneException(
        "Interrupted during " + call.label() + "; nothing more was done.", e);
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

  /**
   * The async form of {@link #execute}: no thread waits, neither for the server nor between
   * retries. Cancelling the returned future cancels the attempt in flight (closing its connection)
   * and any retry not yet started.
   */
  public <T> CompletableFuture<T> executeAsync(Call call, BodyReader<T> reader) {
    CompletableFuture<T> result = new CompletableFuture<>();
    AtomicReference<Future<?>> current = new AtomicReference<>();
    result.whenComplete(
        (v, e) -> {
          if (result.isCancelled()) {
            Future<?> f = current.get();
            if (f != null) {
              f.cancel(true);
            }
          }
        });
    attemptAsync(call, reader, 1, deadline(), result, current);
    return result;
  }

  private <T> void attemptAsync(
      Call call,
      BodyReader<T> reader,
      int attempt,
      long deadline,
      CompletableFuture<T> result,
      AtomicReference<Future<?>> current) {
    if (result.isDone()) {
      return;
    }
    int maxAttempts = config.maxRetries() + 1;
    long started = System.nanoTime();
    CompletableFuture<TransportResponse> exchange;
    try {
      exchange = transport.sendAsync(request(call, deadline));
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
      return;
    }
    current.set(exchange);
    if (result.isCancelled()) {
      exchange.cancel(true);
      return;
    }
    exchange.whenCompleteAsync(
        (response, error) -> {
          if (result.isDone()) {
            return;
          }
          Failure failure;
          if (error != null) {
            Throwable cause = unwrap(error);
            if (cause instanceof CancellationException) {
              result.cancel(true);
              return;
            }
            if (!(cause instanceof IOException)) {
              result.completeExceptionally(cause);
              return;
            }
            failure = Failure.of(deadlineOr((IOException) cause, deadline));
          } else if (isSuccess(response.status())) {
            try {
              T value = reader.read(response);
              log.attempt(
                  call, url(call), attempt, maxAttempts, status(response), elapsed(started), null);
              result.complete(value);
            } catch (JsonProcessingException e) {
              result.completeExceptionally(
                  Failures.invalidJson(config, call, response.header("Content-Type"), e));
            } catch (IOException e) {
              // The body is already in memory; reading it cannot fail for I/O reasons.
              result.completeExceptionally(Failures.transport(config, call, e, attempt, null));
            } catch (RuntimeException e) {
              result.completeExceptionally(e);
            }
            return;
          } else {
            failure = Failure.of(response);
          }
          RetryPolicy.Decision decision =
              decideAndLog(call, attempt, maxAttempts, failure, deadline, started);
          if (!decision.retry()) {
            result.completeExceptionally(
                Failures.toException(config, call, failure, attempt, decision.reason()));
            return;
          }
          CompletableFuture<Void> wait = delay(decision.delay());
          current.set(wait);
          wait.whenComplete(
              (ignored, waitError) -> {
                if (waitError != null) {
                  Throwable c = unwrap(waitError);
                  if (c instanceof CancellationException) {
                    result.cancel(true);
                  } else {
                    result.completeExceptionally(c);
                  }
                  return;
                }
                attemptAsync(call, reader, attempt + 1, deadline, result, current);
              });
        },
        config.executor());
  }

  /** Waits without holding a thread, unless the caller injected a sleeper (tests). */
  private CompletableFuture<Void> delay(Duration d) {
    if (config.sleeper() != null) {
      return CompletableFuture.runAsync(
          () -> {
            try {
              config.sleeper().sleep(d);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new CompletionException(new CancellationException("interrupted"));
            }
          },
          config.executor());
    }
    return CompletableFuture.runAsync(
        () -> {},
        CompletableFuture.delayedExecutor(d.toNanos(), TimeUnit.NANOSECONDS, config.executor()));
  }

  private static Throwable unwrap(Throwable t) {
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
