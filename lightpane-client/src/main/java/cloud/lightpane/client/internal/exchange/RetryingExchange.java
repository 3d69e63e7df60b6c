package cloud.lightpane.client.internal.exchange;

import cloud.lightpane.client.LightPaneException;
import cloud.lightpane.client.Sleeper;
import cloud.lightpane.client.internal.BodyReader;
import cloud.lightpane.client.internal.Call;
import cloud.lightpane.client.internal.ClientConfig;
import cloud.lightpane.client.internal.transport.TransportResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The outermost layer: runs a call's attempts through the layers below until one succeeds or the
 * policy says stop, then throws the one public exception for the last failure. Sync and async calls
 * run the same policy ({@link #decide}); only the waiting differs (a {@link Sleeper}, or a delayed
 * executor that holds no thread). Clock, sleeper and jitter come from the configuration, so tests
 * run in milliseconds.
 */
public final class RetryingExchange {
  /** Statuses that say "try again later": timeout, rate limit, and passing server trouble. */
  private static final Set<Integer> RETRYABLE_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

  private final ClientConfig config;
  private final Exchange next;

  /** Retries over the layers below. */
  public RetryingExchange(ClientConfig config, Exchange next) {
    this.config = config;
    this.next = next;
  }

  /** The configuration. */
  public ClientConfig config() {
    return config;
  }

  // ---- the policy: one rule per line, sync and async alike ----

  /**
   * Decides after attempt number {@code attempt} (1 for the first) failed.
   *
   * @param deadlineNanos the call's deadline in {@link System#nanoTime()} terms, or {@link
   *     Long#MAX_VALUE}
   */
  Decision decide(Call call, int attempt, Failure failure, long deadlineNanos) {
    FailureKind kind = failure.kind();
    if (!retryable(call, failure)) {
      if (!call.idempotent()
          && kind == FailureKind.STATUS
          && RETRYABLE_STATUSES.contains(failure.status())) {
        return Decision.stop(Decision.Stop.ARRIVED_NOT_REPEATABLE);
      }
      if (!call.idempotent()
          && kind != FailureKind.STATUS
          && kind != FailureKind.INVALID_JSON
          && kind.mayHaveArrived()) {
        return Decision.stop(Decision.Stop.MAY_HAVE_ARRIVED_NOT_REPEATABLE);
      }
      return Decision.stop(Decision.Stop.FINAL);
    }
    Duration retryAfter = RetryAfter.of(failure, config.clock());
    if (retryAfter != null && retryAfter.compareTo(config.retryAfterCap()) > 0) {
      return Decision.stop(Decision.Stop.RETRY_AFTER_TOO_LONG);
    }
    if (attempt > config.maxRetries()) {
      return Decision.stop(attempt == 1 ? Decision.Stop.FINAL : Decision.Stop.GAVE_UP);
    }
    Duration delay = retryAfter != null ? retryAfter : backoff(attempt);
    if (deadlineNanos != Long.MAX_VALUE
        && System.nanoTime() + delay.toNanos() - deadlineNanos >= 0) {
      return Decision.stop(Decision.Stop.NO_TIME_LEFT);
    }
    return Decision.retryAfter(delay);
  }

  /** Whether this failure may be tried again at all (before counting attempts). */
  static boolean retryable(Call call, Failure failure) {
    switch (failure.kind()) {
      case STATUS:
        // Any status proves the request arrived, so a key creation is never repeated.
        return call.idempotent() && RETRYABLE_STATUSES.contains(failure.status());
      case DEADLINE: // the deadline is spent
      case DNS: // a host that does not resolve will not resolve in a second either
      case TLS: // a certificate or protocol mismatch does not heal by itself
      case INVALID_JSON: // a body of the wrong shape will be as wrong the next time
      case PROXY_AUTH: // the same credentials will be refused again
        return false;
      case CONNECT_TIMEOUT:
      case REFUSED:
      case UNREACHABLE:
      case CONNECT:
        return true; // never left: repeating cannot duplicate anything
      default:
        // Resets, early closes and timeouts after sending: safe only if repeating is harmless.
        return call.idempotent();
    }
  }

  /** The exponential backoff before retry number {@code retry}, with up to 25% jitter off. */
  Duration backoff(int retry) {
    long base = config.initialBackoff().toNanos() << Math.min(retry - 1, 20);
    long capped = Math.min(base, config.maxBackoff().toNanos());
    double factor = 1.0 - 0.25 * config.jitter().getAsDouble();
    return Duration.ofNanos((long) (capped * factor));
  }

  // ---- running the attempts ----

  private long deadline() {
    return config.deadline() == null
        ? Long.MAX_VALUE
        : System.nanoTime() + config.deadline().toNanos();
  }

  private Attempt attempt(
      Call call, int number, long deadline, AtomicReference<Future<?>> inFlight) {
    return new Attempt(
        call,
        number,
        config.maxRetries() + 1,
        deadline,
        failure -> decide(call, number, failure, deadline),
        inFlight);
  }

  /**
   * Sends the call (retrying as the policy allows) until the server answers with a success, and
   * returns that response with its body unread. Failures while reading the body are the caller's,
   * and are not retried.
   */
  public TransportResponse open(Call call) {
    return execute(call, BodyReader.UNREAD);
  }

  /** Sends the call and reads the body within each attempt, so that a broken body is retried. */
  public <T> T execute(Call call, BodyReader<T> reader) {
    return executeForOutcome(call, reader).value();
  }

  /** {@link #execute}, keeping the successful attempt's status and headers. */
  public <T> Outcome<T> executeForOutcome(Call call, BodyReader<T> reader) {
    long deadline = deadline();
    AtomicReference<Future<?>> unused = new AtomicReference<>();
    for (int number = 1; ; number++) {
      Attempt attempt = attempt(call, number, deadline, unused);
      Outcome<T> outcome;
      try {
        outcome = next.send(attempt, reader);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw interrupted(call, e);
      }
      if (outcome.ok()) {
        return outcome;
      }
      Decision decision = attempt.decision(outcome.failure());
      if (!decision.retry()) {
        throw FailureExceptions.of(config, call, outcome.failure(), number, decision.stop());
      }
      try {
        (config.sleeper() != null ? config.sleeper() : Sleeper.SYSTEM).sleep(decision.delay());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw interrupted(call, e);
      }
    }
  }

  /**
   * The async form of {@link #execute}: no thread waits, neither for the server nor between
   * retries. Cancelling the returned future cancels the attempt in flight (closing its connection)
   * and any retry not yet started.
   */
  public <T> CompletableFuture<T> executeAsync(Call call, BodyReader<T> reader) {
    return run(call, reader, Outcome::value);
  }

  /** {@link #executeAsync}, keeping the successful attempt's status and headers. */
  public <T> CompletableFuture<Outcome<T>> executeForOutcomeAsync(Call call, BodyReader<T> reader) {
    return run(call, reader, outcome -> outcome);
  }

  /** The caller's future itself (not a dependent one), so that cancelling it reaches the call. */
  private <T, R> CompletableFuture<R> run(
      Call call, BodyReader<T> reader, Function<Outcome<T>, R> finish) {
    CompletableFuture<R> result = new CompletableFuture<>();
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
    attemptAsync(call, reader, finish, 1, deadline(), result, current);
    return result;
  }

  private <T, R> void attemptAsync(
      Call call,
      BodyReader<T> reader,
      Function<Outcome<T>, R> finish,
      int number,
      long deadline,
      CompletableFuture<R> result,
      AtomicReference<Future<?>> current) {
    if (result.isDone()) {
      return;
    }
    Attempt attempt = attempt(call, number, deadline, current);
    CompletableFuture<Outcome<T>> exchange;
    try {
      exchange = next.sendAsync(attempt, reader);
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
      return;
    }
    if (result.isCancelled()) {
      Future<?> f = current.get();
      if (f != null) {
        f.cancel(true);
      }
      return;
    }
    exchange.whenComplete(
        (outcome, error) -> {
          if (result.isDone()) {
            return;
          }
          if (error != null) {
            Throwable cause = TransportExchange.unwrap(error);
            if (cause instanceof CancellationException) {
              result.cancel(true);
            } else {
              result.completeExceptionally(cause);
            }
            return;
          }
          if (outcome.ok()) {
            result.complete(finish.apply(outcome));
            return;
          }
          Decision decision = attempt.decision(outcome.failure());
          if (!decision.retry()) {
            result.completeExceptionally(
                FailureExceptions.of(config, call, outcome.failure(), number, decision.stop()));
            return;
          }
          CompletableFuture<Void> wait = delay(decision.delay());
          current.set(wait);
          wait.whenComplete(
              (ignored, waitError) -> {
                if (waitError != null) {
                  Throwable c = TransportExchange.unwrap(waitError);
                  if (c instanceof CancellationException) {
                    result.cancel(true);
                  } else {
                    result.completeExceptionally(c);
                  }
                  return;
                }
                attemptAsync(call, reader, finish, number + 1, deadline, result, current);
              });
        });
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

  private static LightPaneException interrupted(Call call, InterruptedException e) {
    return new LightPaneException(
        "Interrupted during " + call.label() + "; nothing more was done.", e);
  }
}
