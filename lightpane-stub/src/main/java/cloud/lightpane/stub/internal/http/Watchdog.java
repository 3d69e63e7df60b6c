package cloud.lightpane.stub.internal.http;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's workers and the time limits that keep a slow or idle client from holding one.
 *
 * <p>The JDK's server hands a connection to a worker as soon as it is accepted (or, when kept
 * alive, as soon as it sends again); the worker reads the request head, then the handler runs and
 * reads the body. Each task starts with a deadline for the head; the handler moves it to a deadline
 * for the body and clears it once the body is read. When a deadline passes, the scheduler
 * interrupts the worker: the socket channel it is blocked on is interruptible, so the JDK closes
 * the connection and the worker is free again. The pool grows on demand up to its size and lets
 * idle threads go after 30 seconds, so a quiet server holds no workers.
 *
 * <p>Answers that close the connection linger on the scheduler, not on a worker: see {@link
 * #later}.
 */
public final class Watchdog implements AutoCloseable {

  private final long headNanos;
  private final long bodyNanos;
  private final ThreadPoolExecutor workers;
  private final ScheduledThreadPoolExecutor scheduler;
  private final ThreadLocal<Task> current = new ThreadLocal<>();

  /** Workers up to {@code threads}, with these limits for a request's head and its body. */
  public Watchdog(int threads, Duration head, Duration body) {
    this.headNanos = head.toNanos();
    this.bodyNanos = body.toNanos();
    AtomicInteger count = new AtomicInteger();
    HandOff queue = new HandOff();
    this.workers =
        new ThreadPoolExecutor(
            0,
            threads,
            30,
            TimeUnit.SECONDS,
            queue,
            r -> daemon(r, "lightpane-stub-" + count.incrementAndGet()),
            (task, pool) -> {
              if (!pool.isShutdown()) {
                queue.enqueue(task); // every worker busy and the pool at its size: wait for one
              }
            });
    this.scheduler = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "lightpane-stub-watchdog"));
    scheduler.setRemoveOnCancelPolicy(true);
  }

  /**
   * A queue that hands a task to an idle worker or refuses it, so that the pool makes a new thread
   * (up to its size) rather than queueing while there is room: a plain queue with a core size would
   * start a thread per task until the core size is reached, idle ones or not.
   */
  private static final class HandOff extends LinkedTransferQueue<Runnable> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean offer(Runnable task) {
      return tryTransfer(task);
    }

    void enqueue(Runnable task) {
      super.offer(task);
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** The executor to give the JDK's server: every task runs under the head deadline first. */
  public Executor executor() {
    return task ->
        workers.execute(
            () -> {
              Task watched = new Task(Thread.currentThread());
              current.set(watched);
              watched.arm(headNanos);
              try {
                task.run();
              } finally {
                watched.disarm();
                current.remove();
                Thread.interrupted(); // a deadline that fired late must not reach the next task
              }
            });
  }

  /** The head is read: from now on the body has its own limit. */
  void bodyStarted() {
    Task task = current.get();
    if (task != null) {
      task.arm(bodyNanos);
    }
  }

  /** The body is read (or there is none): no limit while the answer is computed and sent. */
  void bodyDone() {
    Task task = current.get();
    if (task != null) {
      task.disarm();
    }
  }

  /** Whether the deadline of this worker's request passed. */
  boolean timedOut() {
    Task task = current.get();
    return task != null && task.fired;
  }

  /** Runs {@code action} after {@code millis} on the scheduler, without holding a worker. */
  void later(long millis, Runnable action) {
    try {
      scheduler.schedule(action, millis, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      action.run(); // shutting down: no one to wait for
    }
  }

  /** Stops the workers and the scheduler (running lingers end at once). */
  @Override
  public void close() {
    workers.shutdownNow();
    for (Runnable pending : scheduler.shutdownNow()) {
      pending.run();
    }
    try {
      workers.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One worker's current deadline. */
  private final class Task {
    private final Thread thread;
    private ScheduledFuture<?> deadline;
    private long generation;
    private volatile boolean fired;

    Task(Thread thread) {
      this.thread = thread;
    }

    synchronized void arm(long nanos) {
      disarmLocked();
      if (nanos > 0) {
        long armed = generation;
        try {
          deadline = scheduler.schedule(() -> fire(armed), nanos, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
          deadline = null; // shutting down
        }
      }
    }

    synchronized void disarm() {
      disarmLocked();
    }

    private void disarmLocked() {
      generation++;
      if (deadline != null) {
        deadline.cancel(false);
        deadline = null;
      }
    }

    private synchronized void fire(long armed) {
      if (armed == generation) {
        generation++;
        fired = true;
        deadline = null;
        thread.interrupt();
      }
    }
  }
}
