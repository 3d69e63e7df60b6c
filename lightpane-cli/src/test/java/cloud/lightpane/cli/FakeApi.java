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

  /**
   * The answer of a server holding one S3 bucket, {@code b-REGION}, in every region: one result per
   * entry of the request's {@code services}, in the order asked.
   */
  static Answer oneBucketPerRegion(com.fasterxml.jackson.databind.JsonNode services) {
    StringBuilder results = new StringBuilder("{\"results\":[");
    for (int i = 0; i < services.size(); i++) {
      String region = services.get(i).get("region").asText();
      results
          .append(i == 0 ? "" : ",")
          .append("{\"metadata\":{\"service\":\"s3\",\"service_label\":\"S3 Buckets\",")
          .append("\"provider\":\"aws\",\"region\":\"")
          .append(region)
          .append("\",\"count\":1,\"timestamp\":\"2026-03-28T14:30:00Z\"},")
          .append("\"columns\":[{\"key\":\"bucket_name\",\"label\":\"Bucket\"}],")
          .append("\"rows\":[{\"bucket_name\":\"b-")
          .append(region)
          .append("\"}]}");
    }
    return new Answer(200, results.append("]}").toString());
  }

  /**
   * What {@code discover s3 -a bucket_name -o csv --no-header} prints for {@link
   * #oneBucketPerRegion} over these regions (in order), written out by hand.
   */
  static String oneBucketPerRegionCsv(Iterable<String> regions) {
    StringBuilder expected = new StringBuilder();
    for (String region : regions) {
      expected.append("s3,aws,").append(region).append(",b-").append(region).append("\r\n");
    }
    return expected.toString();
  }

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
