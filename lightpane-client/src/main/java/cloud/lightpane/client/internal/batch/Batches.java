package cloud.lightpane.client.internal.batch;

import cloud.lightpane.client.BadRequestException;
import cloud.lightpane.client.ErrorReason;
import cloud.lightpane.client.LightPaneApiException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Sends a discovery request's entries in as few requests as the server allows: batches of at most
 * {@link #CONTRACT_LIMIT} entries, or of the key's {@code max_batch_size} once the server has
 * refused a batch ({@code 400 Batch size exceeds limit for this token}): the refused batch is
 * halved and sent again, and the smaller size is kept for the client's later calls. The server
 * refuses a batch before it sends any row, so no result is ever handed over twice.
 *
 * <p>A batch is a range of positions in the request. Up to {@code inFlight} batches are sent at
 * once (on the client's executor), and their results are handed over in request order, one batch
 * after another, on the caller's thread: a batch that has an answer waits, unread, while an earlier
 * one is read, so memory holds at most {@code inFlight} answers being received (and, on a streamed
 * path, only what the connection buffers of each). The batch the caller waits for runs on the
 * caller's thread if the executor has not started it, so a busy or single-threaded executor only
 * costs concurrency, never a deadlock. After a refusal the batches in flight are dropped (their
 * answers closed unread, none handed over) and sending resumes at the refused one, smaller.
 */
public final class Batches {
  /** The contract's cap on the entries of one request, whoever the caller. */
  public static final int CONTRACT_LIMIT =
      cloud.lightpane.client.discovery.DiscoveryRequest.MAX_BATCH_ENTRIES;

  private static final Logger LOG = System.getLogger("cloud.lightpane.client");

  private final AtomicInteger limit = new AtomicInteger(CONTRACT_LIMIT);
  private final Level level;
  private final int inFlight;
  private final Executor executor;

  /**
   * Batching for one client.
   *
   * @param traced whether a split is logged at INFO (tracing asked for) rather than DEBUG
   * @param inFlight the most batches sent at once (1: one after another)
   * @param executor where batches ahead of the one being read are sent
   */
  public Batches(boolean traced, int inFlight, Executor executor) {
    if (inFlight < 1) {
      throw new IllegalArgumentException("batches in flight must be 1 or more, not " + inFlight);
    }
    this.level = traced ? Level.INFO : Level.DEBUG;
    this.inFlight = inFlight;
    this.executor = executor;
  }

  /** Sends one batch and returns its answer, opened or whole, for {@link #runAhead}. */
  @FunctionalInterface
  public interface Opener<O> {
    /** Sends the entries from {@code from} (inclusive) to {@code to} (exclusive) as one request. */
    O open(int from, int to);
  }

  /** Takes one batch's answer, in request order, on the caller's thread. */
  @FunctionalInterface
  public interface Taker<O> {
    /** Reads (and closes) an answer of {@link Opener#open}. */
    void take(O opened, int from, int to);
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
    runAhead(count, sender::send, (value, from, to) -> results.add(value), value -> {});
    return results;
  }

  /**
   * Sends {@code count} entries in batches, up to the in-flight bound at once, and hands each
   * batch's answer to {@code taker} in request order. An answer that is not handed over (a refusal
   * of an earlier batch, a failure, the taker throwing) goes to {@code discard}, which closes it.
   */
  public <O> void runAhead(int count, Opener<O> opener, Taker<O> taker, Consumer<O> discard) {
    ArrayDeque<Ahead<O>> window = new ArrayDeque<>();
    int next = 0;
    try {
      while (true) {
        while (window.size() < inFlight && next < count) {
          int size = Math.min(limit.get(), count - next);
          Ahead<O> batch = new Ahead<>(next, next + size, opener, discard);
          window.add(batch);
          next += size;
          if (window.size() > 1) {
            start(batch);
          }
        }
        Ahead<O> head = window.poll();
        if (head == null) {
          return;
        }
        O opened;
        try {
          opened = head.await();
        } catch (LightPaneApiException e) {
          if (!shrink(e, head.to - head.from)) {
            throw e;
          }
          // The batches after it were cut at the old size: drop them (unread) and cut again.
          dropAll(window, true);
          next = head.from;
          continue;
        }
        taker.take(opened, head.from, head.to);
      }
    } finally {
      dropAll(window, false);
    }
  }

  private void start(Runnable batch) {
    try {
      executor.execute(batch);
    } catch (RejectedExecutionException e) {
      // Then the caller's thread sends it when its turn comes.
    }
  }

  private static <O> void dropAll(ArrayDeque<Ahead<O>> window, boolean waitForThem) {
    for (Ahead<O> batch; (batch = window.poll()) != null; ) {
      batch.drop(waitForThem);
    }
  }

  /**
   * One batch sent ahead: run once, by the executor or by the caller's thread, whichever comes
   * first; an answer that arrives after it was dropped is discarded as it arrives.
   */
  private static final class Ahead<O> implements Runnable {
    final int from;
    final int to;
    private final Opener<O> opener;
    private final Consumer<O> discard;
    private boolean started;
    private boolean done;
    private boolean dropped;
    private O value;
    private Throwable failure;

    Ahead(int from, int to, Opener<O> opener, Consumer<O> discard) {
      this.from = from;
      this.to = to;
      this.opener = opener;
      this.discard = discard;
    }

    @Override
    public void run() {
      synchronized (this) {
        if (started) {
          return;
        }
        started = true;
      }
      O v = null;
      Throwable f = null;
      try {
        v = opener.open(from, to);
      } catch (Throwable t) { // handed to the caller's thread by await
        f = t;
      }
      boolean discardIt;
      synchronized (this) {
        done = true;
        discardIt = dropped;
        if (!dropped) {
          value = v;
          failure = f;
        }
        notifyAll();
      }
      if (discardIt && v != null) {
        discard.accept(v);
      }
    }

    /** The answer, sending the batch on this thread if no one has yet. */
    O await() {
      run();
      synchronized (this) {
        boolean interrupted = false;
        while (!done) {
          try {
            wait();
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
        if (failure instanceof RuntimeException r) {
          throw r;
        }
        if (failure instanceof Error e) {
          throw e;
        }
        if (failure != null) {
          throw new IllegalStateException(failure);
        }
        return value;
      }
    }

    /** Drops the batch: never sent if not yet started, its answer discarded otherwise. */
    void drop(boolean waitForIt) {
      O v;
      synchronized (this) {
        dropped = true;
        if (!started) {
          started = true;
          done = true;
          return;
        }
        while (waitForIt && !done) {
          try {
            wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
        v = value;
        value = null;
      }
      if (v != null) {
        discard.accept(v);
      }
    }
  }

  /**
   * {@link #run} without blocking, up to the in-flight bound at once. Cancelling the returned
   * future cancels the batches in flight and sends no more.
   */
  public <R> CompletableFuture<List<R>> runAsync(int count, AsyncSender<R> sender) {
    AsyncRun<R> run = new AsyncRun<>(count, sender);
    run.result.whenComplete(
        (v, e) -> {
          if (run.result.isCancelled()) {
            run.cancelAll();
          }
        });
    run.pump();
    return run.result;
  }

  /** One {@link #runAsync}: the batches in flight, in request order, and the results so far. */
  private final class AsyncRun<R> {
    private record Sent<R>(int from, int to, CompletableFuture<R> future) {}

    final CompletableFuture<List<R>> result = new CompletableFuture<>();
    private final int count;
    private final AsyncSender<R> sender;
    private final ArrayDeque<Sent<R>> window = new ArrayDeque<>();
    private final List<R> done = new ArrayList<>();
    private int next;
    private boolean pumping;
    private boolean again;

    AsyncRun(int count, AsyncSender<R> sender) {
      this.count = count;
      this.sender = sender;
    }

    /** Sends what the bound allows and takes what has arrived; re-entered calls loop instead. */
    void pump() {
      synchronized (this) {
        if (pumping) {
          again = true;
          return;
        }
        pumping = true;
      }
      boolean more = true;
      while (more) {
        step();
        synchronized (this) {
          more = again;
          again = false;
          if (!more) {
            pumping = false;
          }
        }
      }
    }

    private synchronized void step() {
      while (sendAndTake()) {
        // Something was taken: there is room to send more.
      }
    }

    /** Whether a result was taken (so more may be sent). */
    private boolean sendAndTake() {
      boolean took = false;
      while (!result.isDone() && window.size() < inFlight && next < count) {
        int size = Math.min(limit.get(), count - next);
        CompletableFuture<R> batch;
        try {
          batch = sender.send(next, next + size);
        } catch (RuntimeException e) {
          fail(e);
          return false;
        }
        window.add(new Sent<>(next, next + size, batch));
        next += size;
        batch.whenComplete((v, e) -> pump());
      }
      while (!result.isDone()) {
        Sent<R> head = window.peek();
        if (head == null) {
          if (next >= count) {
            result.complete(done);
          }
          return took;
        }
        if (!head.future().isDone()) {
          return took;
        }
        window.poll();
        Throwable error = null;
        try {
          done.add(head.future().join());
          took = true;
          continue;
        } catch (CompletionException | CancellationException e) {
          error = e;
        }
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
          cause = cause.getCause();
        }
        if (cause instanceof LightPaneApiException
            && shrink((LightPaneApiException) cause, head.to() - head.from())) {
          cancelAll();
          next = head.from();
          return true;
        }
        if (cause instanceof CancellationException) {
          result.cancel(true);
        } else {
          fail(cause);
        }
        return false;
      }
      return false;
    }

    private void fail(Throwable cause) {
      result.completeExceptionally(cause);
      cancelAll();
    }

    void cancelAll() {
      List<Sent<R>> dropped;
      synchronized (this) {
        dropped = new ArrayList<>(window);
        window.clear();
      }
      for (Sent<R> sent : dropped) {
        sent.future().cancel(true);
      }
    }
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
