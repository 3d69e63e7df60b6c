package cloud.lightpane.client.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Enforces the read timeout and the deadline on response bodies. A blocked read cannot be
 * interrupted portably, so when time runs out the watchdog aborts the exchange (closes the stream
 * or the connection), which makes the blocked read fail; the read then reports a timeout.
 *
 * <p>One daemon thread per client, started on first use; timers are rescheduled lazily (one pending
 * task per body), so a body read in many small pieces costs no scheduling per read.
 */
public final class Watchdog implements AutoCloseable {
  private static final AtomicInteger COUNT = new AtomicInteger();

  private volatile ScheduledExecutorService scheduler;

  /** Guards a body: reads give up when the server is silent for the timeout or past deadline. */
  public InputStream guard(InputStream in, Duration idle, long deadlineNanos, Runnable abort) {
    return new GuardedInputStream(in, idle.toNanos(), deadlineNanos, abort);
  }

  /** Runs a task after a delay on the watchdog thread. */
  public java.util.concurrent.ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
    return scheduler().schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
  }

  private ScheduledExecutorService scheduler() {
    ScheduledExecutorService s = scheduler;
    if (s == null) {
      synchronized (this) {
        s = scheduler;
        if (s == null) {
          ThreadFactory threads =
              r -> {
                Thread t = new Thread(r, "lightpane-client-watchdog-" + COUNT.incrementAndGet());
                t.setDaemon(true);
                return t;
              };
          java.util.concurrent.ScheduledThreadPoolExecutor pool =
              new java.util.concurrent.ScheduledThreadPoolExecutor(1, threads);
          pool.setRemoveOnCancelPolicy(true);
          scheduler = s = pool;
        }
      }
    }
    return s;
  }

  @Override
  public void close() {
    ScheduledExecutorService s = scheduler;
    if (s != null) {
      s.shutdownNow();
    }
  }

  private final class GuardedInputStream extends InputStream {
    private final InputStream in;
    private final long idleNanos;
    private final long deadlineNanos;
    private final Runnable abort;
    private volatile long lastProgress = System.nanoTime(); // start of the current wait
    private volatile boolean reading;
    private volatile boolean timedOut;
    private volatile boolean closed;
    private boolean timerPending;

    GuardedInputStream(InputStream in, long idleNanos, long deadlineNanos, Runnable abort) {
      this.in = in;
      this.idleNanos = idleNanos;
      this.deadlineNanos = deadlineNanos;
      this.abort = abort;
    }

    private long expiry() {
      return Math.min(lastProgress + idleNanos, deadlineNanos);
    }

    private synchronized void arm() {
      if (!timerPending && !closed) {
        try {
          schedule(this::check, expiry() - System.nanoTime());
          timerPending = true;
        } catch (java.util.concurrent.RejectedExecutionException clientClosed) {
          // The client was closed while this body was being read: the read goes on unguarded.
        }
      }
    }

    private void check() {
      synchronized (this) {
        timerPending = false;
      }
      if (closed) {
        return;
      }
      long now = System.nanoTime();
      if (reading && now - expiry() >= 0) {
        timedOut = true;
        abort.run();
      } else if (reading) {
        arm();
      }
    }

    private void before() throws IOException {
      if (timedOut) {
        throw timeout();
      }
      // The idle window counts time spent waiting on the server, not time the caller spent
      // between reads (a slow handler must not look like a silent server).
      lastProgress = System.nanoTime();
      reading = true;
      arm();
    }

    private SocketTimeoutException timeout() {
      return deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos >= 0
          ? new DeadlineExceededException()
          : new SocketTimeoutException(
              "the server sent nothing for " + idleNanos / 1_000_000 + " ms");
    }

    private int after(int n) {
      reading = false;
      return n;
    }

    private IOException failed(IOException e) {
      reading = false;
      if (timedOut) {
        SocketTimeoutException t = timeout();
        t.initCause(e);
        return t;
      }
      return e;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n;
      do {
        n = read(one, 0, 1);
      } while (n == 0);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      before();
      try {
        return after(in.read(b, off, len));
      } catch (IOException e) {
        throw failed(e);
      }
    }

    @Override
    public int available() throws IOException {
      return in.available();
    }

    @Override
    public void close() throws IOException {
      closed = true;
      in.close();
    }
  }

  /** The overall deadline of a call passed while its body was being read. */
  public static final class DeadlineExceededException extends SocketTimeoutException {
    private static final long serialVersionUID = 1L;

    /** The deadline passed. */
    public DeadlineExceededException() {
      super("the deadline passed");
    }
  }
}
