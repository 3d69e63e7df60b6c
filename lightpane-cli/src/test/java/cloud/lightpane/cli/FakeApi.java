package cloud.lightpane.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A scripted API on loopback for what the reference server never does on its own (a 502, a hang, a
 * value made to break CSV): each POST /discovery body is recorded and answered by the script.
 */
final class FakeApi implements AutoCloseable {
  /** One answer: a status and a JSON body; a null body means "never answer" (a hang). */
  record Answer(int status, String body) {}

  /** Decides the answer to a request body. */
  interface Script {
    Answer answer(String requestBody) throws Exception;
  }

  private final HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  FakeApi(Script script) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/discovery",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          requests.add(body);
          try {
            Answer answer = script.answer(body);
            if (answer.body() == null) {
              Thread.sleep(60_000);
              return;
            }
            send(exchange, answer);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (Exception e) {
            send(exchange, new Answer(599, "{\"error\":\"test script failed: " + e + "\"}"));
          } finally {
            exchange.close();
          }
        });
    server.start();
  }

  private static void send(HttpExchange exchange, Answer answer) throws IOException {
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The bodies of the discovery requests received, in order. */
  List<String> requests() {
    return requests;
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
