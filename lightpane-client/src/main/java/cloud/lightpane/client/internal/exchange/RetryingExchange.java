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
  // A 429's Retry-After, for the other calls of this client (concurrent batches): they wait it out
  // before their next attempt instead of each meeting a 429 of its own.
  private final AtomicReference<Pause> pause = new AtomicReference<>();

  /** Until when (in {@link System#nanoTime()} terms) the call {@code by} was told to wait. */
  private record Pause(long untilNanos, Object by) {}

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

  /**
   * How long a call must wait before its next attempt because another call of this client was told
   * to by a {@code 429}: zero if no one was, if it was this call, or if the wait would pass the
   * deadline (the attempt then goes, and the server's answer decides).
   */
  private Duration pausedFor(Object call, long deadlineNanos) {
    Pause p = pause.get();
    if (p == null || p.by() == call) {
      return Duration.ZERO;
    }
    long now = System.nanoTime();
    long wait = p.untilNanos() - now;
    if (wait <= 0 || (deadlineNanos != Long.MAX_VALUE && now + wait - deadlineNanos >= 0)) {
      return Duration.ZERO;
    }
    return Duration.ofNanos(wait);
  }

  /** After a failure that is retried: a {@code 429}'s Retry-After holds the other calls too. */
  private void noteRetry(Object call, Failure failure, Decision decision) {
    if (failure.kind() != FailureKind.STATUS
        || failure.status() != 429
        || RetryAfter.of(failure, config.clock()) == null) {
      return;
    }
    Pause mine = new Pause(System.nanoTime() + decision.delay().toNanos(), call);
    pause.accumulateAndGet(
        mine, (old, now) -> old == null || now.untilNanos() - old.untilNanos() > 0 ? now : old);
  }

  /** After a success: a pause this call set is over (the server answered it). */
  private void noteSuccess(Object call) {
    Pause p = pause.get();
    if (p != null && p.by() == call) {
      pause.compareAndSet(p, null);
    }
  }

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
    Object me = new Object();
    Sleeper sleeper = config.sleeper() != null ? config.sleeper() : Sleeper.SYSTEM;
    for (int number = 1; ; number++) {
      Attempt attempt = attempt(call, number, deadline, unused);
      Outcome<T> outcome;
      try {
        Duration paused = pausedFor(me, deadline);
        if (!paused.isZero()) {
          sleeper.sleep(paused);
        }
        outcome = next.send(attempt, reader);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw interrupted(call, e);
      }
      if (outcome.ok()) {
        noteSuccess(me);
        return outcome;
      }
      Decision decision = attempt.decision(outcome.failure());
      if (!decision.retry()) {
        throw FailureExceptions.of(config, call, outcome.failure(), number, decision.stop());
      }
      noteRetry(me, outcome.failure(), decision);
      try {
        sleeper.sleep(decision.delay());
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
    attemptAsync(call, reader, finish, 1, deadline(), result, current, new Object());
    return result;
  }

  private <T, R> void attemptAsync(
      Call call,
      BodyReader<T> reader,
      Function<Outcome<T>, R> finish,
      int number,
      long deadline,
      CompletableFuture<R> result,
      AtomicReference<Future<?>> current,
      Object me) {
    if (result.isDone()) {
      return;
    }
    Duration paused = pausedFor(me, deadline);
    if (!paused.isZero()) {
      // Another call of this client met a 429: wait it out (holding no thread), then go.
      CompletableFuture<Void> wait = delay(paused);
      current.set(wait);
      wait.whenComplete(
          (ignored, waitError) -> {
            if (waitError != null) {
              result.cancel(true);
              return;
            }
            sendAsync(call, reader, finish, number, deadline, result, current, me);
          });
      return;
    }
    sendAsync(call, reader, finish, number, deadline, result, current, me);
  }

  private <T, R> void sendAsync(
      Call call,
      BodyReader<T> reader,
      Function<Outcome<T>, R> finish,
      int number,
      long deadline,
      CompletableFuture<R> result,
      AtomicReference<Future<?>> current,
      Object me) {
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
            noteSuccess(me);
            result.complete(finish.apply(outcome));
            return;
          }
          Decision decision = attempt.decision(outcome.failure());
          if (!decision.retry()) {
            result.completeExceptionally(
                FailureExceptions.of(config, call, outcome.failure(), number, decision.stop()));
            return;
          }
          noteRetry(me, outcome.failure(), decision);
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
                attemptAsync(call, reader, finish, number + 1, deadline, result, current, me);
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
