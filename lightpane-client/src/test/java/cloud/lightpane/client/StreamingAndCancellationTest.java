package cloud.lightpane.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.client.auth.Credentials;
import cloud.lightpane.client.discovery.Column;
import cloud.lightpane.client.discovery.DiscoveryHandler;
import cloud.lightpane.client.discovery.DiscoveryRequest;
import cloud.lightpane.client.discovery.DiscoveryResponse;
import cloud.lightpane.client.discovery.Provider;
import cloud.lightpane.client.discovery.ResultMetadata;
import cloud.lightpane.client.discovery.Row;
import cloud.lightpane.client.discovery.ServiceQuery;
import com.sun.net.httpserver.HttpExchange;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Large streamed bodies, bodies that stall half-way, and async calls cancelled mid-flight. */
@Timeout(60)
class StreamingAndCancellationTest {
  private static final int ROWS = 250_000;

  static final DiscoveryRequest REQUEST =
      DiscoveryRequest.of(
          ServiceQuery.builder("ec2").provider(Provider.AWS).region("eu-west-2").build());

  static LightPaneClient client(ScriptedServer server, Transport transport) {
    return LightPaneClient.builder()
        .baseUrl(server.baseUrl())
        .transport(transport)
        .credentials(Credentials.anonymous())
        .sleeper(d -> {})
        .requestTimeout(Duration.ofSeconds(20))
        .build();
  }

  static void head(OutputStream out, long count) throws IOException {
    out.write(
        ("{\"results\": [{\"metadata\": {\"service\": \"ec2\", \"service_label\": \"EC2"
                + " Instances\", \"provider\": \"aws\", \"region\": \"eu-west-2\", \"count\": "
                + count
                + ", \"timestamp\": \"2026-03-28T14:30:00Z\"}, \"columns\": [{\"key\": \"name\","
                + " \"label\": \"Name\"}, {\"key\": \"cpu\", \"label\": \"vCPU\"}], \"rows\": [")
            .getBytes(UTF_8));
  }

  static void row(OutputStream out, int i) throws IOException {
    out.write(
        ((i == 0 ? "" : ",")
                + "{\"name\": \"web-"
                + i
                + "\", \"instance_id\": \"i-"
                + Integer.toHexString(0x10000000 + i)
                + "\", \"cpu\": "
                + (i % 64)
                + ", \"running\": true, \"tags\": null}")
            .getBytes(UTF_8));
  }

  /** Writes a body of {@code rows} rows as it goes: the whole body never exists anywhere. */
  static void generate(HttpExchange exchange, int rows) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, 0); // chunked
    try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 1 << 16)) {
      head(out, rows);
      for (int i = 0; i < rows; i++) {
        row(out, i);
      }
      out.write("]}]}".getBytes(UTF_8));
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aLargeBodyStreamsRowByRow(Transport transport) throws Exception {
    try (ScriptedServer server = new ScriptedServer(exchange -> generate(exchange, ROWS));
        LightPaneClient client = client(server, transport)) {
      AtomicLong rows = new AtomicLong();
      List<String> events = new ArrayList<>();
      client.discoverStreaming(
          REQUEST,
          new DiscoveryHandler() {
            @Override
            public void onResultStart(ResultMetadata metadata, List<Column> columns) {
              events.add("start " + metadata.count() + " " + columns.size());
            }

            @Override
            public void onRow(Row row) {
              long n = rows.getAndIncrement();
              // Rows arrive in order, whole, one at a time.
              if (!row.getString("name").equals("web-" + n) || row.getInt("cpu") != n % 64) {
                throw new AssertionError("row " + n + " is " + row);
              }
            }

            @Override
            public void onResultEnd(ResultMetadata metadata) {
              events.add("end " + rows.get());
            }
          });
      assertEquals(ROWS, rows.get());
      assertEquals(List.of("start " + ROWS + " 2", "end " + ROWS), events);
      assertEquals(1, server.requests());
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void theRawBodyOfALargeResponseCanBeCopied(Transport transport) throws Exception {
    try (ScriptedServer server = new ScriptedServer(exchange -> generate(exchange, 50_000));
        LightPaneClient client = client(server, transport);
        InputStream in = client.openDiscovery(REQUEST)) {
      long bytes = in.transferTo(OutputStream.nullOutputStream());
      assertTrue(bytes > 50_000L * 80, "copied " + bytes + " bytes");
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aBodyThatStallsHalfWayTimesOutAfterTheRowsThatCame(Transport transport) throws Exception {
    CountDownLatch over = new CountDownLatch(1);
    ScriptedServer.Script stall =
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          OutputStream out = exchange.getResponseBody();
          head(out, 20);
          for (int i = 0; i < 10; i++) {
            row(out, i);
          }
          out.flush();
          // Then silence, until the test is over.
          over.await(20, TimeUnit.SECONDS);
        };
    try (ScriptedServer server = new ScriptedServer(stall);
        LightPaneClient client =
            LightPaneClient.builder()
                .baseUrl(server.baseUrl())
                .transport(transport)
                .credentials(Credentials.anonymous())
                .sleeper(d -> {})
                .requestTimeout(Duration.ofMillis(800))
                .build()) {
      List<Row> rows = new ArrayList<>();
      LightPaneTimeoutException e =
          assertThrows(
              LightPaneTimeoutException.class, () -> client.discoverStreaming(REQUEST, rows::add));
      assertEquals(10, rows.size(), "the rows before the stall were handed over");
      assertTrue(e.getMessage().contains("nothing for 800 ms"), e.getMessage());
      assertEquals(1, server.requests(), "a stream that has started is not retried");
    } finally {
      over.countDown();
    }
  }

  /**
   * A server that dribbles a body forever notices the moment the client goes: cancelling the future
   * closed the connection.
   */
  private void cancellationClosesTheConnection(Transport transport, long headerDelayMillis)
      throws Exception {
    CountDownLatch received = new CountDownLatch(1);
    CountDownLatch clientGone = new CountDownLatch(1);
    ScriptedServer.Script dribble =
        exchange -> {
          received.countDown();
          Thread.sleep(headerDelayMillis);
          try {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            head(out, 1000);
            for (int i = 0; i < 1000; i++) {
              row(out, i);
              out.flush();
              Thread.sleep(20);
            }
          } catch (IOException e) {
            clientGone.countDown();
          }
        };
    try (ScriptedServer server = new ScriptedServer(dribble);
        LightPaneClient client = client(server, transport)) {
      CompletableFuture<DiscoveryResponse> future = client.discoverAsync(REQUEST);
      assertTrue(received.await(10, TimeUnit.SECONDS), "request never arrived");
      Thread.sleep(100); // let the exchange get going (headers, or some of the body)
      assertTrue(future.cancel(true));
      assertTrue(clientGone.await(15, TimeUnit.SECONDS), "the connection stayed open after cancel");
      assertEquals(1, server.requests(), "no retry after cancel");
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void cancellingDuringTheBodyClosesTheConnection(Transport transport) throws Exception {
    cancellationClosesTheConnection(transport, 0);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void cancellingBeforeTheHeadersClosesTheConnection(Transport transport) throws Exception {
    cancellationClosesTheConnection(transport, 400);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aConnectionIsReusedForTheNextCall(Transport transport) throws Exception {
    java.util.Set<Integer> clientPorts = java.util.concurrent.ConcurrentHashMap.newKeySet();
    try (ScriptedServer server =
            new ScriptedServer(
                exchange -> {
                  clientPorts.add(exchange.getRemoteAddress().getPort());
                  generate(exchange, 3);
                });
        LightPaneClient client = client(server, transport)) {
      client.discover(REQUEST);
      client.discoverStreaming(REQUEST, row -> {});
      client.discover(REQUEST);
      assertEquals(3, server.requests());
      assertEquals(1, clientPorts.size(), "each call opened its own connection: " + clientPorts);
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aSlowHandlerIsNotMistakenForASilentServer(Transport transport) throws Exception {
    ScriptedServer.Script twoParts =
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          OutputStream out = exchange.getResponseBody();
          head(out, 2000);
          row(out, 0);
          out.flush();
          Thread.sleep(50);
          for (int i = 1; i < 2000; i++) {
            row(out, i);
          }
          out.write("]}]}".getBytes(UTF_8));
          out.close();
        };
    try (ScriptedServer server = new ScriptedServer(twoParts);
        LightPaneClient client =
            LightPaneClient.builder()
                .baseUrl(server.baseUrl())
                .transport(transport)
                .credentials(Credentials.anonymous())
                .requestTimeout(Duration.ofMillis(600))
                .build()) {
      AtomicLong rows = new AtomicLong();
      client.discoverStreaming(
          REQUEST,
          row -> {
            if (rows.getAndIncrement() == 0) {
              try {
                Thread.sleep(1200); // the caller is slow; the server is not
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
          });
      assertEquals(2000, rows.get());
    }
  }
}
