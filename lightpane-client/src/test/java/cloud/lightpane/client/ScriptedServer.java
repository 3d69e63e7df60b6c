package cloud.lightpane.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny loopback HTTP server whose handler the test writes, for what WireMock cannot script: a
 * body generated lazily while it is sent, a stall in the middle of a body, a client that goes away.
 * {@link #close()} stops it at once (handler threads are interrupted).
 */
final class ScriptedServer implements AutoCloseable {
  interface Script {
    void handle(HttpExchange exchange) throws IOException, InterruptedException;
  }

  private final HttpServer server;

  /**
   * The request body, read before the script runs, on the script's thread (an exchange's attributes
   * are its context's, shared by every exchange).
   */
  static final ThreadLocal<byte[]> BODY = new ThreadLocal<>();

  private final ExecutorService threads;
  private final AtomicInteger requests = new AtomicInteger();

  ScriptedServer(Script script) throws IOException {
    this(script, 4);
  }

  /** A server answering up to {@code concurrent} requests at once. */
  ScriptedServer(Script script, int concurrent) throws IOException {
    threads = Executors.newFixedThreadPool(concurrent);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          try (exchange) {
            BODY.set(exchange.getRequestBody().readAllBytes());
            script.handle(exchange);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (IOException e) {
            // The client went away; the script has seen it already if it cared.
          }
        });
    server.setExecutor(threads);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  int requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
