package cloud.lightpane.cli.shell;

import cloud.lightpane.cli.kernel.CliContext;
import cloud.lightpane.cli.kernel.CommandTree;
import cloud.lightpane.cli.terminal.TerminalFacts;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs typical commands in the background while an interactive shell waits for its user, so that
 * the JIT has compiled the command-line parsing, HTTP, JSON and rendering code by the time the user
 * runs their own: a second query in a cold shell took about 50 ms, one in a warm shell 25 ms.
 *
 * <p>The commands go to a reference server of their own, in this process and on loopback ({@code
 * --embedded}, in a {@link ConnectionPool} of their own), so they never reach the user's server,
 * never send the user's credentials and never change anything but that server's demo state; their
 * output and errors are dropped. A run waits while a command of the user's runs (it would compete
 * with it for the CPU), and stops for good after {@link #DEFAULT_RUNS} commands, at the shell's
 * exit, or at the first command that fails (something in this environment differs from the one the
 * warm-up was written for: nothing is gained by retrying).
 */
final class WarmUp implements AutoCloseable {
  /** Enough for C1 to compile the paths a query takes; about two seconds of one core. */
  static final int DEFAULT_RUNS = 120;

  /** The command lines, in turn: the formats and options a query most often uses. */
  static final List<List<String>> LINES =
      List.of(
          List.of("discover", "ec2", "-r", "eu-west-2", "--embedded"),
          List.of(
              "discover",
              "ec2",
              "-r",
              "eu-west-2",
              "-o",
              "csv",
              "--where",
              "state=running",
              "--embedded"),
          List.of("discover", "s3", "-r", "eu-west-2", "--where", "bucket_name~a", "--embedded"),
          List.of("discover", "ec2", "s3", "-r", "eu-west-2", "-o", "json", "--embedded"));

  private final CommandTree commands;
  private final Map<String, String> env;
  private final Supplier<TerminalFacts> facts;
  private final int runs;
  private final Object lock = new Object();
  private boolean busy;
  private boolean inRun;
  private boolean closed;
  private int done;
  private Thread thread;

  WarmUp(CommandTree commands, Map<String, String> env, Supplier<TerminalFacts> facts, int runs) {
    this.commands = commands;
    // LIGHTPANE_LOG would point the process-wide traffic trace at this quiet context.
    Map<String, String> quiet = new HashMap<>(env);
    quiet.remove("LIGHTPANE_LOG");
    this.env = quiet;
    this.facts = facts;
    this.runs = runs;
  }

  /** Starts the background thread; it ends on its own. */
  void start() {
    Thread started = new Thread(this::run, "lightpane-shell-warm-up");
    started.setDaemon(true);
    started.setPriority(Thread.MIN_PRIORITY);
    synchronized (lock) {
      thread = started;
    }
    started.start();
  }

  /**
   * A command of the user's starts: the warm-up run in progress is interrupted (it would compete
   * for the CPU) and no other starts until {@link #commandEnded()}.
   */
  void commandStarting() {
    synchronized (lock) {
      busy = true;
      if (inRun) {
        thread.interrupt();
      }
    }
  }

  /** The user's command ended: warm-up runs may go on. */
  void commandEnded() {
    synchronized (lock) {
      busy = false;
      lock.notifyAll();
    }
  }

  /** How many warm-up commands have run to their end. */
  int done() {
    synchronized (lock) {
      return done;
    }
  }

  /**
   * Waits up to {@code millis} for the background thread ({@link #start}ed) to end; true if it has.
   */
  boolean awaitEnd(long millis) throws InterruptedException {
    Thread running;
    synchronized (lock) {
      running = thread;
    }
    running.join(millis);
    return !running.isAlive();
  }

  /** Stops after the run in progress, if any. */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      lock.notifyAll();
    }
  }

  private void run() {
    try (ConnectionPool pool = new ConnectionPool()) {
      CliContext quiet =
          new CliContext(
              OutputStream.nullOutputStream(),
              new PrintWriter(Writer.nullWriter()),
              InputStream.nullInputStream(),
              env,
              facts,
              null,
              pool);
      while (awaitIdle()) {
        // done: written only by this thread, so read here without the lock
        List<String> line = LINES.get(done % LINES.size());
        int code = commands.run(line.toArray(new String[0]), quiet, null);
        boolean interrupted;
        synchronized (lock) {
          inRun = false;
          interrupted = Thread.interrupted() || busy;
          done++;
        }
        if (code != 0 && !interrupted) {
          return;
        }
      }
    } catch (RuntimeException | LinkageError e) {
      // A warm-up that cannot run costs only speed; the user's commands report their own errors.
    }
  }

  /** Waits while a user's command runs; false when no more runs are wanted. */
  private boolean awaitIdle() {
    synchronized (lock) {
      while (busy && !closed) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          // commandStarting's, meant for a run: the wait goes on
        }
      }
      inRun = !closed && done < runs;
      return inRun;
    }
  }
}
