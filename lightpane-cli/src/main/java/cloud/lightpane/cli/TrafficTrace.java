package cloud.lightpane.cli;

import java.io.PrintWriter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Shows the client's HTTP trace ({@code -v}) on the command's stderr, one {@code lightpane: } line
 * per attempt, instead of java.util.logging's two-line default format. The client masks credentials
 * and never logs bodies; this only changes where and how the lines appear.
 */
final class TrafficTrace extends Handler {
  /** The client's logger name (see the client's documentation of {@code logTraffic}). */
  static final String CLIENT_LOGGER = "cloud.lightpane.client";

  // Held strongly: java.util.logging keeps loggers weakly, and the settings must outlive this call.
  private static Logger logger;

  private final PrintWriter err;

  private TrafficTrace(PrintWriter err) {
    this.err = err;
  }

  /** Sends the client's trace to {@code err} for the rest of the process. */
  static synchronized void showOn(PrintWriter err) {
    logger = Logger.getLogger(CLIENT_LOGGER);
    for (Handler handler : logger.getHandlers()) {
      if (handler instanceof TrafficTrace) {
        logger.removeHandler(handler);
      }
    }
    logger.setUseParentHandlers(false);
    logger.setLevel(Level.INFO);
    logger.addHandler(new TrafficTrace(err));
  }

  @Override
  public void publish(LogRecord record) {
    if (record != null && record.getLevel().intValue() >= Level.INFO.intValue()) {
      err.println("lightpane: " + record.getMessage());
      err.flush();
    }
  }

  @Override
  public void flush() {
    err.flush();
  }

  @Override
  public void close() {
    flush();
  }
}
