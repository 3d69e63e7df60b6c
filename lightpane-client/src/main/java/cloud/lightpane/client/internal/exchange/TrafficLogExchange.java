package cloud.lightpane.client.internal.exchange;

import cloud.lightpane.client.auth.Credentials;
import cloud.lightpane.client.internal.BodyReader;
import cloud.lightpane.client.internal.ClientConfig;
import cloud.lightpane.client.internal.Secrets;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Logs one line per attempt on the {@code System.Logger} named {@code cloud.lightpane.client}:
 * method, URL, status or error, elapsed time, attempt number and the wait before the next attempt
 * (the retry policy's decision, which {@link Attempt#decision} makes once). Credentials appear only
 * masked, and bodies never.
 *
 * <p>Lines go out at DEBUG; when tracing was asked for ({@code logTraffic(true)} or {@code
 * LIGHTPANE_LOG=debug}) they go out at INFO, so that they show with a default logging setup.
 */
public final class TrafficLogExchange implements Exchange {
  /** The logger's name. */
  public static final String LOGGER_NAME = "cloud.lightpane.client";

  private static final Logger LOG = System.getLogger(LOGGER_NAME);

  private final ClientConfig config;
  private final Exchange next;
  private final Level level;

  /** The layer over {@code next}. */
  public TrafficLogExchange(ClientConfig config, Exchange next) {
    this.config = config;
    this.next = next;
    this.level = config.logTraffic() ? Level.INFO : Level.DEBUG;
  }

  /**
   * Whether {@code LIGHTPANE_LOG} asks for tracing ({@code debug}, {@code trace} or {@code all}).
   */
  public static boolean tracingRequested(String value) {
    if (value == null) {
      return false;
    }
    String v = value.strip().toLowerCase(Locale.ROOT);
    return v.equals("debug") || v.equals("trace") || v.equals("all");
  }

  @Override
  public <T> Outcome<T> send(Attempt attempt, BodyReader<T> reader) throws InterruptedException {
    long started = System.nanoTime();
    Outcome<T> outcome = next.send(attempt, reader);
    log(attempt, outcome, started);
    return outcome;
  }

  @Override
  public <T> CompletableFuture<Outcome<T>> sendAsync(Attempt attempt, BodyReader<T> reader) {
    long started = System.nanoTime();
    return next.sendAsync(attempt, reader)
        .thenApply(
            outcome -> {
              log(attempt, outcome, started);
              return outcome;
            });
  }

  private void log(Attempt attempt, Outcome<?> outcome, long started) {
    if (!LOG.isLoggable(level)) {
      return;
    }
    Duration next = null;
    String result;
    if (outcome.ok()) {
      result = String.valueOf(outcome.status());
    } else {
      result = outcome.failure().brief();
      Decision decision = attempt.decision(outcome.failure());
      next = decision.retry() ? decision.delay() : null;
    }
    StringBuilder line =
        new StringBuilder()
            .append(attempt.call().method())
            .append(' ')
            .append(config.resolve(attempt.call().path()))
            .append(" -> ")
            .append(result)
            .append(" in ")
            .append((System.nanoTime() - started) / 1_000_000)
            .append(" ms (attempt ")
            .append(attempt.number())
            .append(" of ")
            .append(attempt.maxAttempts())
            .append("; ")
            .append(credentialHeader(config.credentials()))
            .append(config.proxy() == null ? "" : "; via proxy " + config.proxy())
            .append(')');
    if (next != null) {
      line.append("; retrying in ").append(FailureText.seconds(next));
    }
    LOG.log(level, Secrets.redact(line.toString(), config.credentials()));
  }

  private static String credentialHeader(Credentials credentials) {
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
