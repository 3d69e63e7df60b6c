package cloud.lightpane.cli.kernel;

import cloud.lightpane.cli.terminal.ScreenText;
import java.io.PrintWriter;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * The CLI's own {@code System.Logger} backend, registered in {@code
 * META-INF/services/java.lang.System$LoggerFinder}: it shows the client's HTTP trace ({@code -v})
 * on the command's stderr, one {@code lightpane: } line per attempt, and nothing else.
 *
 * <p>Why not java.util.logging: the client asks its logger whether it is enabled on every request,
 * and that first question makes the JDK set up java.util.logging (its LogManager, configuration and
 * handlers), about 40 ms of every run of a command that must start fast. A finder of our own
 * answers it at once. The client masks credentials and never logs bodies; this only decides where
 * and how the lines appear.
 */
public final class TrafficTrace extends System.LoggerFinder {
  /** The client's logger name (see the client's documentation of {@code logTraffic}). */
  static final String CLIENT_LOGGER = "cloud.lightpane.client";

  private static volatile PrintWriter sink;

  /** Sends the client's trace to {@code err} for the rest of the process (or the next call). */
  static void showOn(PrintWriter err) {
    sink = err;
  }

  @Override
  public System.Logger getLogger(String name, Module module) {
    return CLIENT_LOGGER.equals(name) ? new TraceLogger(name) : new QuietLogger(name);
  }

  /** The client's logger: INFO and above (the client's traced level) go to the trace sink. */
  private static final class TraceLogger extends QuietLogger {
    TraceLogger(String name) {
      super(name);
    }

    @Override
    public boolean isLoggable(Level level) {
      return sink != null && level.getSeverity() >= Level.INFO.getSeverity();
    }

    @Override
    void write(String message) {
      PrintWriter err = sink;
      if (err != null) {
        err.println("lightpane: " + ScreenText.escape(message));
        err.flush();
      }
    }
  }

  /**
   * Any other logger (the JDK's own, a library's): only warnings and errors, on stderr, so that
   * stdout keeps carrying data only.
   */
  private static class QuietLogger implements System.Logger {
    private final String name;

    QuietLogger(String name) {
      this.name = name;
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public boolean isLoggable(Level level) {
      return level.getSeverity() >= Level.WARNING.getSeverity();
    }

    void write(String message) {
      System.err.println("lightpane: " + name + ": " + ScreenText.escape(message));
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
      if (isLoggable(level)) {
        write(thrown == null ? msg : msg + " (" + thrown + ")");
      }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
      if (isLoggable(level)) {
        write(
            params == null || params.length == 0
                ? format
                : java.text.MessageFormat.format(format, params));
      }
    }

    @Override
    public void log(Level level, Supplier<String> supplier) {
      if (isLoggable(level)) {
        write(supplier.get());
      }
    }
  }
}
