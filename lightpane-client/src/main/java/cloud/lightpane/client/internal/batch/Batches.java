package cloud.lightpane.client.internal.batch;

import cloud.lightpane.client.BadRequestException;
import cloud.lightpane.client.ErrorReason;
import cloud.lightpane.client.LightPaneApiException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends a discovery request's entries in as few requests as the server allows: batches of at most
 * {@link #CONTRACT_LIMIT} entries, or of the key's {@code max_batch_size} once the server has
 * refused a batch ({@code 400 Batch size exceeds limit for this token}): the refused batch is
 * halved and sent again, and the smaller size is kept for the client's later calls. The server
 * refuses a batch before it sends any row, so no result is ever handed over twice.
 *
 * <p>A batch is a range of positions in the request, and the results of the batches are returned in
 * request order by position; sending several batches at once (a bounded number in flight) is a
 * change of {@link #run} alone. Today they go one after another.
 */
public final class Batches {
  /** The contract's cap on the entries of one request, whoever the caller. */
  public static final int CONTRACT_LIMIT =
      cloud.lightpane.client.discovery.DiscoveryRequest.MAX_BATCH_ENTRIES;

  private static final Logger LOG = System.getLogger("cloud.lightpane.client");

  private final AtomicInteger limit = new AtomicInteger(CONTRACT_LIMIT);
  private final Level level;

  /**
   * Batching for one client.
   *
   * @param traced whether a split is logged at INFO (tracing asked for) rather than DEBUG
   */
  public Batches(boolean traced) {
    this.level = traced ? Level.INFO : Level.DEBUG;
  }

  /** Sends the entries from {@code from} (inclusive) to {@code to} (exclusive) as one request. */
  @FunctionalInterface
  public interface Sender<R> {
    /** Sends one batch and returns its result. */
    R send(int from, int to);
  }

  /** {@link Sender} without blocking. */
  @FunctionalInterface
  public interface AsyncSender<R> {
    /** Sends one batch; the future holds its result. */
    CompletableFuture<R> send(int from, int to);
  }

  /** The batch size in use (smaller after a refusal). */
  public int limit() {
    return limit.get();
  }

  /** Sends {@code count} entries batch by batch; the results of the batches in request order. */
  public <R> List<R> run(int count, Sender<R> sender) {
    List<R> results = new ArrayList<>();
    int next = 0;
    while (next < count) {
      int size = Math.min(limit.get(), count - next);
      try {
        results.add(sender.send(next, next + size));
        next += size;
      } catch (LightPaneApiException e) {
        if (!shrink(e, size)) {
          throw e;
        }
      }
    }
    return results;
  }

  /**
   * {@link #run} without blocking. Cancelling the returned future cancels the batch in flight and
   * sends no more.
   */
  public <R> CompletableFuture<List<R>> runAsync(int count, AsyncSender<R> sender) {
    CompletableFuture<List<R>> result = new CompletableFuture<>();
    AtomicReference<Future<?>> current = new AtomicReference<>();
    result.whenComplete(
        (v, e) -> {
          Future<?> f = current.get();
          if (result.isCancelled() && f != null) {
            f.cancel(true);
          }
        });
    next(count, 0, new ArrayList<>(), sender, result, current);
    return result;
  }

  private <R> void next(
      int count,
      int from,
      List<R> done,
      AsyncSender<R> sender,
      CompletableFuture<List<R>> result,
      AtomicReference<Future<?>> current) {
    if (result.isDone()) {
      return;
    }
    if (from >= count) {
      result.complete(done);
      return;
    }
    int size = Math.min(limit.get(), count - from);
    CompletableFuture<R> batch;
    try {
      batch = sender.send(from, from + size);
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
      return;
    }
    current.set(batch);
    if (result.isCancelled()) {
      batch.cancel(true);
      return;
    }
    batch.whenComplete(
        (value, error) -> {
          if (error == null) {
            done.add(value);
            next(count, from + size, done, sender, result, current);
            return;
          }
          Throwable cause = error;
          while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
          }
          if (cause instanceof LightPaneApiException
              && shrink((LightPaneApiException) cause, size)) {
            next(count, from, done, sender, result, current);
          } else if (cause instanceof CancellationException) {
            result.cancel(true);
          } else {
            result.completeExceptionally(cause);
          }
        });
  }

  /** After a refusal of a batch of {@code size}: whether to send again, halved. */
  private boolean shrink(LightPaneApiException e, int size) {
    if (size == 1
        || !(e instanceof BadRequestException)
        || !e.reason().equals(ErrorReason.BATCH_SIZE_EXCEEDED)) {
      return false;
    }
    int smaller = size / 2;
    limit.accumulateAndGet(smaller, Math::min);
    if (LOG.isLoggable(level)) {
      LOG.log(
          level,
          "a batch of "
              + size
              + " was refused by the key's limit; sending "
              + limit.get()
              + " at a time");
    }
    return true;
  }
}
