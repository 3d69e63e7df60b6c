package cloud.lightpane.stub.internal.faults;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Puts the {@code --fault} rules in front of the API handler. For each request it asks the {@link
 * FaultPlan}, then:
 *
 * <ul>
 *   <li>latency: hands the request back to the server's workers after the delay, from a timer, so a
 *       delayed request holds no thread while it waits and other connections go on at once;
 *   <li>status: notes it for the exchange; the handler answers that status after its rate-limit
 *       step (so a faulted request counts against the window, as the contract counts every admitted
 *       request);
 *   <li>reset, truncate, drip: wraps the response body ({@link SpoiledBody}).
 * </ul>
 */
public final class FaultFilter extends Filter implements AutoCloseable {

  /**
   * The status faults of exchanges in flight. Not an exchange attribute: the JDK's server keeps
   * those per context, shared by every exchange. Weak, so a request refused before the rate limit
   * (which never asks) leaves nothing behind.
   */
  private static final Map<HttpExchange, FaultSpec> STATUS =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final FaultPlan plan;
  private final ScheduledThreadPoolExecutor timer;

  /** A filter applying these rules with this seed. */
  public FaultFilter(List<FaultSpec> faults, long seed) {
    this.plan = new FaultPlan(faults, seed);
    this.timer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "lightpane-stub-fault-timer");
              t.setDaemon(true);
              return t;
            });
    timer.setRemoveOnCancelPolicy(true);
  }

  /**
   * The status fault that hit this exchange, or null: the handler answers it in place of the real
   * answer once the request has passed the rate limit.
   */
  public static FaultSpec injectedStatus(HttpExchange exchange) {
    return STATUS.remove(exchange);
  }

  /**
   * Whether a reset, truncate or drip rule hit this exchange: its body must then stream with
   * chunked encoding, on which those faults are defined.
   */
  public static boolean spoilsBody(HttpExchange exchange) {
    return exchange.getResponseBody() instanceof SpoiledBody;
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    FaultPlan.Hit hit =
        plan.next(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath());
    FaultSpec answer = hit.answer();
    if (answer != null) {
      if (answer.kind() == FaultSpec.Kind.STATUS) {
        STATUS.put(exchange, answer);
      } else {
        exchange.setStreams(null, new SpoiledBody(exchange, exchange.getResponseBody(), answer));
      }
    }
    if (hit.latency().isZero()) {
      chain.doFilter(exchange);
      return;
    }
    Executor workers = exchange.getHttpContext().getServer().getExecutor();
    try {
      timer.schedule(
          () -> resume(workers, exchange, chain), hit.latency().toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      exchange.close(); // stopping
    }
  }

  private static void resume(Executor workers, HttpExchange exchange, Chain chain) {
    Runnable rest =
        () -> {
          try {
            chain.doFilter(exchange);
          } catch (IOException | RuntimeException e) {
            exchange.close();
          }
        };
    try {
      if (workers == null) {
        rest.run();
      } else {
        workers.execute(rest);
      }
    } catch (RejectedExecutionException e) {
      exchange.close(); // the server is stopping
    }
  }

  @Override
  public String description() {
    return "faults injected on purpose (--fault)";
  }

  /** Stops the timer; delayed requests not yet resumed are dropped with their connections. */
  @Override
  public void close() {
    timer.shutdownNow();
  }
}
