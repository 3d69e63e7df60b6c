package cloud.lightpane.client.internal.exchange;

import cloud.lightpane.client.internal.Call;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * One attempt of a call on its way down the layers: the call, its number, the call's deadline, the
 * headers layers add, and the retry decision once a failure is known (made by the retry policy, at
 * most once, so that the traffic log can show the wait before the next attempt).
 */
public final class Attempt {
  private final Call call;
  private final int number;
  private final int maxAttempts;
  private final long deadlineNanos;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final Function<Failure, Decision> policy;
  private final AtomicReference<Future<?>> inFlight;
  private Decision decision;

  /**
   * An attempt.
   *
   * @param policy what the retry policy decides for a failure of this attempt
   * @param inFlight where the transport records its future (async), for cancelling
   */
  public Attempt(
      Call call,
      int number,
      int maxAttempts,
      long deadlineNanos,
      Function<Failure, Decision> policy,
      AtomicReference<Future<?>> inFlight) {
    this.call = call;
    this.number = number;
    this.maxAttempts = maxAttempts;
    this.deadlineNanos = deadlineNanos;
    this.policy = policy;
    this.inFlight = inFlight;
  }

  /** The call. */
  public Call call() {
    return call;
  }

  /** 1 for the first attempt. */
  public int number() {
    return number;
  }

  /** Attempts allowed in all. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The call's deadline in {@link System#nanoTime()} terms, or {@link Long#MAX_VALUE}. */
  public long deadlineNanos() {
    return deadlineNanos;
  }

  /** Headers to send; layers add theirs (credentials). */
  public Map<String, String> headers() {
    return headers;
  }

  /** Records the future of the exchange in flight, so that cancelling the call reaches it. */
  public void inFlight(Future<?> future) {
    inFlight.set(future);
  }

  /** The retry decision for this attempt's failure, made once. */
  public synchronized Decision decision(Failure failure) {
    if (decision == null) {
      decision = policy.apply(failure);
    }
    return decision;
  }
}
