package cloud.lightpane.client;

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
import cloud.lightpane.client.discovery.ServiceResult;
import cloud.lightpane.stub.KeySpec;
import cloud.lightpane.stub.MintedKey;
import cloud.lightpane.stub.StubServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The SDK splits what the server would refuse, against the real reference server: over 100 entries
 * for anyone, over a key's {@code max_batch_size} once the key says so. The server's own request
 * log counts the requests and their statuses.
 */
class BatchingTest {
  private static final Pattern DISCOVERY = Pattern.compile(" POST /discovery (\\d{3}) ");
  private static final String[] SERVICES = {"ec2", "s3", "lambda_functions"};
  private static final String[] REGIONS = {"eu-west-2", "us-east-1"};

  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private StubServer server;

  @BeforeEach
  void start() {
    server =
        StubServer.builder()
            .requestLog(new PrintStream(log, true, StandardCharsets.UTF_8))
            .build()
            .start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Entry i asks for SERVICES[i % 3] in REGIONS[(i / 3) % 2]: the order is checkable. */
  private static List<ServiceQuery> entries(int count) {
    List<ServiceQuery> entries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      entries.add(
          ServiceQuery.builder(SERVICES[i % 3])
              .provider(Provider.AWS)
              .region(REGIONS[(i / 3) % 2])
              .build());
    }
    return entries;
  }

  /**
   * The statuses of the discovery requests the server answered, in order. The server writes its log
   * line as it closes the exchange, which can be just after the client has read the answer, so this
   * waits (up to 5 s) for the log to stop growing.
   */
  private List<String> statuses() {
    List<String> seen = parsedStatuses();
    for (int i = 0; i < 100; i++) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      List<String> now = parsedStatuses();
      if (now.equals(seen) && i >= 5) {
        break;
      }
      seen = now;
    }
    return seen;
  }

  private static List<String> sorted(List<String> statuses) {
    List<String> copy = new ArrayList<>(statuses);
    java.util.Collections.sort(copy);
    return copy;
  }

  private List<String> parsedStatuses() {
    List<String> statuses = new ArrayList<>();
    Matcher m = DISCOVERY.matcher(log.toString(StandardCharsets.UTF_8));
    while (m.find()) {
      statuses.add(m.group(1));
    }
    return statuses;
  }

  private LightPaneClient client(Transport transport, Credentials credentials) {
    return LightPaneClient.builder()
        .baseUrl(server.uri())
        .credentials(credentials)
        .transport(transport)
        .build();
  }

  /** Every result answers its entry, in request order. */
  private static void assertInRequestOrder(int count, List<ServiceResult> results) {
    assertEquals(count, results.size());
    for (int i = 0; i < count; i++) {
      assertEquals(SERVICES[i % 3], results.get(i).metadata().service(), "service of result " + i);
      assertEquals(
          REGIONS[(i / 3) % 2], results.get(i).metadata().region(), "region of result " + i);
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aBatchOf250GoesAsThreeRequestsAndEveryResultArrivesInOrder(Transport transport) {
    try (LightPaneClient client = client(transport, Credentials.anonymous())) {
      // What one entry of each kind holds, asked for alone: the batch must hold the same rows.
      List<Integer> alone = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        alone.add(
            client.discover(DiscoveryRequest.of(entries(6).get(i))).results().get(0).rows().size());
      }
      log.reset();

      DiscoveryResponse response = client.discover(DiscoveryRequest.of(entries(250)));

      assertInRequestOrder(250, response.results());
      for (int i = 0; i < 250; i++) {
        assertEquals(
            alone.get(i % 6), response.results().get(i).rows().size(), "rows of result " + i);
      }
      assertEquals(List.of("200", "200", "200"), statuses(), "100 + 100 + 50, none refused");
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aKeyWithMaxBatchSize7HalvesToFiveAndKeepsIt(Transport transport) throws Exception {
    MintedKey key = server.mintKey(KeySpec.apiKey("seven").maxBatchSize(7));
    try (LightPaneClient client = client(transport, Credentials.apiKey(key.token()))) {
      DiscoveryResponse first = client.discover(DiscoveryRequest.of(entries(20)));
      assertInRequestOrder(20, first.results());
      // 20 refused; 10 + 10 sent at once: the first refused, the second refused too or dropped
      // before it reached the server (which one depends on timing); then 5 + 5 + 5 + 5. Batches
      // sent at once are logged in any order.
      List<String> seen = sorted(statuses());
      assertTrue(
          seen.equals(List.of("200", "200", "200", "200", "400", "400"))
              || seen.equals(List.of("200", "200", "200", "200", "400", "400", "400")),
          "20 and 10 refused (the other 10 perhaps), then four batches of 5: " + seen);

      log.reset();
      List<ServiceResult> streamed = new ArrayList<>();
      client.discoverStreaming(DiscoveryRequest.of(entries(12)), collect(streamed));
      assertInRequestOrder(12, streamed);
      assertEquals(List.of("200", "200", "200"), statuses(), "the smaller size is kept: 5 + 5 + 2");

      log.reset();
      DiscoveryResponse async =
          client.discoverAsync(DiscoveryRequest.of(entries(11))).get(30, TimeUnit.SECONDS);
      assertInRequestOrder(11, async.results());
      assertEquals(List.of("200", "200", "200"), statuses(), "5 + 5 + 1");
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aFreshClientLearnsTheLimitAsynchronouslyToo(Transport transport) throws Exception {
    MintedKey key = server.mintKey(KeySpec.apiKey("seven").maxBatchSize(7));
    try (LightPaneClient client = client(transport, Credentials.apiKey(key.token()))) {
      DiscoveryResponse async =
          client.discoverAsync(DiscoveryRequest.of(entries(9))).get(30, TimeUnit.SECONDS);
      assertInRequestOrder(9, async.results());
      // 9 refused, then 4 + 4 + 1.
      assertEquals(List.of("400", "200", "200", "200"), statuses());
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void anErrorOtherThanTheBatchSizeStopsTheRunWithTheServersReason(Transport transport) {
    List<ServiceQuery> entries = new ArrayList<>(entries(150));
    entries.set(
        120, ServiceQuery.builder("ec2").provider(Provider.AWS).region("eu-west-9").build());
    try (LightPaneClient client = client(transport, Credentials.anonymous())) {
      BadRequestException e =
          assertThrows(
              BadRequestException.class, () -> client.discover(DiscoveryRequest.of(entries)));
      assertEquals(ErrorReason.INVALID_REGION, e.reason());
      assertEquals(
          List.of("200", "400"), sorted(statuses()), "the second batch is refused, no third");
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aKeyWithMaxBatchSize1GetsOneEntryAtATime(Transport transport) {
    // max_batch_size 1 still answers a one-entry batch; the SDK never halves below 1.
    MintedKey key = server.mintKey(KeySpec.apiKey("one").maxBatchSize(1));
    try (LightPaneClient client = client(transport, Credentials.apiKey(key.token()))) {
      DiscoveryResponse response = client.discover(DiscoveryRequest.of(entries(3)));
      assertInRequestOrder(3, response.results());
      // 3 refused, 1 (halved from 3), then 1 + 1.
      assertEquals(List.of("400", "200", "200", "200"), statuses());
    }
  }

  private static DiscoveryHandler collect(List<ServiceResult> into) {
    return new DiscoveryHandler() {
      private ResultMetadata metadata;
      private List<Column> columns;
      private List<Row> rows;

      @Override
      public void onResultStart(ResultMetadata metadata, List<Column> columns) {
        this.metadata = metadata;
        this.columns = columns;
        this.rows = new ArrayList<>();
      }

      @Override
      public void onRow(Row row) {
        rows.add(row);
      }

      @Override
      public void onResultEnd(ResultMetadata metadata) {
        into.add(new ServiceResult(metadata, columns, rows, Map.of()));
      }
    };
  }
}
