package cloud.lightpane.client;

import static cloud.lightpane.client.StreamingAndCancellationTest.REQUEST;
import static cloud.lightpane.client.StreamingAndCancellationTest.client;
import static cloud.lightpane.client.StreamingAndCancellationTest.generate;
import static cloud.lightpane.client.StreamingAndCancellationTest.head;
import static cloud.lightpane.client.StreamingAndCancellationTest.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.client.auth.Credentials;
import cloud.lightpane.client.discovery.DiscoveryRequest;
import cloud.lightpane.client.discovery.Provider;
import cloud.lightpane.client.discovery.Row;
import cloud.lightpane.client.discovery.ServiceQuery;
import cloud.lightpane.stub.StubServer;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code discoverRows}: a {@code Stream<Row>} read from the connection, closed by the caller. */
class RowStreamTest {

  @ParameterizedTest
  @EnumSource(Transport.class)
  void theStreamHoldsEveryRowInOrder(Transport transport) throws Exception {
    try (ScriptedServer server = new ScriptedServer(exchange -> generate(exchange, 5000));
        LightPaneClient client = client(server, transport);
        Stream<Row> rows = client.discoverRows(REQUEST)) {
      List<String> names = rows.map(r -> r.getString("name")).collect(Collectors.toList());
      assertEquals(5000, names.size());
      assertEquals("web-0", names.get(0));
      assertEquals("web-4999", names.get(4999));
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void closingTheStreamClosesTheConnection(Transport transport) throws Exception {
    CountDownLatch clientGone = new CountDownLatch(1);
    ScriptedServer.Script endless =
        exchange -> {
          try {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            head(out, 1_000_000);
            for (int i = 0; i < 1_000_000; i++) {
              row(out, i);
              if (i % 100 == 0) {
                out.flush();
                Thread.sleep(5);
              }
            }
          } catch (IOException e) {
            clientGone.countDown();
          }
        };
    try (ScriptedServer server = new ScriptedServer(endless);
        LightPaneClient client = client(server, transport)) {
      List<String> first = new ArrayList<>();
      try (Stream<Row> rows = client.discoverRows(REQUEST)) {
        Iterator<Row> it = rows.iterator();
        for (int i = 0; i < 3; i++) {
          first.add(it.next().getString("name"));
        }
      }
      assertEquals(List.of("web-0", "web-1", "web-2"), first);
      assertTrue(
          clientGone.await(15, TimeUnit.SECONDS), "the connection stayed open after close()");
      assertEquals(1, server.requests());
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void anErrorReachesTheConsumerAndABatchOver100IsSplit(Transport transport) {
    try (StubServer stub = StubServer.builder().build().start();
        LightPaneClient client =
            LightPaneClient.builder()
                .baseUrl(stub.uri())
                .credentials(Credentials.anonymous())
                .transport(transport)
                .build()) {
      ServiceQuery ec2 =
          ServiceQuery.builder("ec2").provider(Provider.AWS).region("eu-west-2").build();
      long one;
      try (Stream<Row> rows = client.discoverRows(DiscoveryRequest.of(ec2))) {
        one = rows.count();
      }
      assertTrue(one > 0, "the demo inventory has ec2 rows in eu-west-2");
      List<ServiceQuery> many = new ArrayList<>();
      for (int i = 0; i < 130; i++) {
        many.add(ec2);
      }
      try (Stream<Row> rows = client.discoverRows(DiscoveryRequest.of(many))) {
        assertEquals(130 * one, rows.count());
      }
      ServiceQuery bad =
          ServiceQuery.builder("ec2").provider(Provider.AWS).region("eu-west-9").build();
      try (Stream<Row> rows = client.discoverRows(DiscoveryRequest.of(bad))) {
        BadRequestException e = assertThrows(BadRequestException.class, rows::count);
        assertEquals(ErrorReason.INVALID_REGION, e.reason());
      }
    }
  }
}
