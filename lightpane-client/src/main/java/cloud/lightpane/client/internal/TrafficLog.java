package cloud.lightpane.client.internal;

import cloud.lightpane.client.auth.Credentials;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Locale;

/**
 * One line per attempt on the {@code System.Logger} named {@code cloud.lightpane.client}: method,
 * URL, status or error, elapsed time, attempt number and the next wait. Credentials appear only
 * masked, and bodies never.
 *
 * <p>Lines go out at DEBUG; when tracing was asked for ({@code logTraffic(true)} or {@code
 * LIGHTPANE_LOG=debug}) they go out at INFO, so that they show with a default logging setup.
 */
public final class TrafficLog {
  /** The logger's name. */
  public static final String LOGGER_NAME = "cloud.lightpane.client";

  private static final Logger LOG = System.getLogger(LOGGER_NAME);

  private final Level level;
  private final Credentials credentials;

  /** A log for a client. */
  public TrafficLog(boolean traced, Credentials credentials) {
    this.level = traced ? Level.INFO : Level.DEBUG;
    this.credentials = credentials;
  }

  /** Whether {@code LIGHTPANE_LOG} asks for tracing. */
  public static boolean tracingRequested(String value) {
    if (value == null) {
      return false;
    }
    String v = value.strip().toLowerCase(Locale.ROOT);
    return v.equals("debug") || v.equals("trace") || v.equals("all");
  }

  /** Whether lines would be written at all (to skip building them). */
  public boolean enabled() {
    return LOG.isLoggable(level);
  }

  /**
   * Logs one finished attempt.
   *
   * @param outcome the status, or a short description of the failure
   * @param next the wait before the next attempt, or null when there is none
   */
  public void attempt(
      Call call,
      String url,
      int attempt,
      int maxAttempts,
      String outcome,
      long elapsedNanos,
      Duration next) {
    if (!enabled()) {
      return;
    }
    StringBuilder line =
        new StringBuilder()
            .append(call.method())
            .append(' ')
            .append(url)
            .append(" -> ")
            .append(outcome)
            .append(" in ")
            .append(elapsedNanos / 1_000_000)
            .append(" ms (attempt ")
            .append(attempt)
            .append(" of ")
            .append(maxAttempts)
            .append("; ")
            .append(credentialHeader())
            .append(')');
    if (next != null) {
      line.append("; retrying in ").append(Failures.seconds(next));
    }
    LOG.log(level, Secrets.redact(line.toString(), credentials));
  }

  private String credentialHeader() {
    switch (credentials.kind()) {
      case API_KEY:
        return "Authorization: Bearer " + credentials.masked();
      case SESSION:
        return "Cookie: " + credentials.masked();
      default:
        return "anonymous";
    }
  }
}
