package cloud.lightpane.stub.internal.http;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

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
 * <p>Deadlines are watched by one sweeping thread rather than a timer per request: arming and
 * clearing a deadline is a write to the worker's own task, and the sweeper looks at the armed tasks
 * every {@link #tick} (a tenth of the shorter limit, between 1 and 100 ms), so a deadline fires at
 * most one tick late. With nothing armed it sleeps until a deadline is armed. (A timer per request
 * woke the scheduler thread about every second request under load: 12 % of the server's throughput
 * at 3 rows, issue 14.)
 *
 * <p>Answers that close the connection linger on the scheduler, not on a worker: see {@link
 * #later}.
 */
public final class Watchdog implements AutoCloseable {

  private final long headNanos;
  private final long bodyNanos;
  private final long tickNanos;
  private final ThreadPoolExecutor workers;
  private final ScheduledThreadPoolExecutor scheduler;
  private final ThreadLocal<Task> current = new ThreadLocal<>();
  private final Set<Task> armed = ConcurrentHashMap.newKeySet();
  private final AtomicInteger armedCount = new AtomicInteger();
  private final Thread sweeper;
  private volatile boolean sweeperIdle;
  private volatile boolean closed;

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
    this.scheduler = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "lightpane-stub-linger"));
    scheduler.setRemoveOnCancelPolicy(true);
    this.tickNanos = tick(head, body).toNanos();
    this.sweeper = daemon(this::sweep, "lightpane-stub-watchdog");
    sweeper.start();
  }

  /** How often armed deadlines are looked at: a tenth of the shorter limit, within 1 to 100 ms. */
  static Duration tick(Duration head, Duration body) {
    long tenth = Math.min(head.toNanos(), body.toNanos()) / 10;
    return Duration.ofNanos(Math.max(1_000_000L, Math.min(100_000_000L, tenth)));
  }

  private void sweep() {
    while (!closed) {
      long now = System.nanoTime();
      long wait = tickNanos;
      for (Task task : armed) {
        long left = task.deadline - now;
        if (left <= 0) {
          task.fireIfDue(now);
        } else {
          wait = Math.min(wait, left);
        }
      }
      if (armedCount.get() > 0) {
        LockSupport.parkNanos(this, wait);
        continue;
      }
      // Nothing armed: sleep until a worker arms a deadline. The flag is set before the count is
      // read again and the worker reads the flag after raising the count, so one of them sees the
      // other: either the sweeper does not sleep or the worker wakes it.
      sweeperIdle = true;
      if (armedCount.get() == 0 && !closed) {
        LockSupport.park(this);
      }
      sweeperIdle = false;
    }
  }

  private void armed(Task task) {
    armed.add(task);
    armedCount.incrementAndGet();
    if (sweeperIdle) {
      LockSupport.unpark(sweeper);
    }
  }

  private void cleared(Task task) {
    armed.remove(task);
    armedCount.decrementAndGet();
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
    closed = true;
    LockSupport.unpark(sweeper);
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
    private volatile long deadline; // System.nanoTime() at which it fires, while armed
    private boolean isArmed;
    private volatile boolean fired;

    Task(Thread thread) {
      this.thread = thread;
    }

    synchronized void arm(long nanos) {
      deadline = System.nanoTime() + nanos;
      if (!isArmed) {
        isArmed = true;
        armed(this);
      }
    }

    synchronized void disarm() {
      if (isArmed) {
        isArmed = false;
        cleared(this);
      }
    }

    /** Interrupts the worker if its deadline, still armed, has passed. */
    synchronized void fireIfDue(long now) {
      if (isArmed && now - deadline >= 0) {
        isArmed = false;
        cleared(this);
        fired = true;
        thread.interrupt();
      }
    }
  }
}
