package cloud.lightpane.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.client.auth.Credentials;
import cloud.lightpane.client.discovery.Column;
import cloud.lightpane.client.discovery.DiscoveryHandler;
import cloud.lightpane.client.discovery.DiscoveryRequest;
import cloud.lightpane.client.discovery.Provider;
import cloud.lightpane.client.discovery.ResultMetadata;
import cloud.lightpane.client.discovery.Row;
import cloud.lightpane.client.discovery.ServiceQuery;
import cloud.lightpane.client.discovery.ServiceResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A discovery of several batches sends them at once, no more than the client's bound in flight, and
 * still hands the results over in request order; a 429 one batch meets holds the others too. The
 * scripted server answers each entry with its own region, counts the requests it is answering at
 * once, and plays a rate limiter.
 */
class ConcurrentBatchesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Entry i asks for ec2 in the region {@code r-i}: each result says which entry it answers. */
  private static DiscoveryRequest entries(int count) {
    List<ServiceQuery> entries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      entries.add(ServiceQuery.builder("ec2").provider(Provider.AWS).region("r-" + i).build());
    }
    return DiscoveryRequest.of(entries);
  }

  /** One result per entry, its region echoed, one row naming it. */
  private static void answer(HttpExchange exchange, int status) throws IOException {
    JsonNode request = JSON.readTree(ScriptedServer.BODY.get());
    ObjectNode body = JSON.createObjectNode();
    if (status == 200) {
      ArrayNode results = body.putArray("results");
      for (JsonNode entry : request.get("services")) {
        ObjectNode result = results.addObject();
        result
            .putObject("metadata")
            .put("service", "ec2")
            .put("service_label", "EC2")
            .put("provider", "aws")
            .put("region", entry.get("region").asText())
            .put("count", 1)
            .put("timestamp", "2026-03-15T10:00:00Z");
        result.putArray("columns").addObject().put("key", "name").put("label", "Name");
        result.putArray("rows").addObject().put("name", "in " + entry.get("region").asText());
      }
    } else {
      body.put("error", "Rate limit exceeded");
      exchange.getResponseHeaders().set("Retry-After", "1");
    }
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** The contract's 400 for a batch over the key's {@code max_batch_size}. */
  private static void refuseAsTooBig(HttpExchange exchange) throws IOException {
    byte[] refusal =
        "{\"error\":\"Batch size exceeds limit for this token\"}"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(400, refusal.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(refusal);
    }
  }

  private static String firstRegion(HttpExchange exchange) throws IOException {
    return JSON.readTree(ScriptedServer.BODY.get()).at("/services/0/region").asText();
  }

  private static LightPaneClient client(ScriptedServer server, int inFlight) {
    return LightPaneClient.builder()
        .baseUrl(java.net.URI.create(server.baseUrl()))
        .credentials(Credentials.anonymous())
        .batchesInFlight(inFlight)
        .build();
  }

  /** The ways to discover: each must keep the order. */
  enum Path {
    DISCOVER,
    ASYNC,
    STREAMING,
    ROWS,
    RAW
  }

  /** The regions of the results, in the order the client handed them over. */
  private static List<String> regions(LightPaneClient client, DiscoveryRequest request, Path path)
      throws Exception {
    List<String> regions = new ArrayList<>();
    switch (path) {
      case DISCOVER -> client.discover(request).results().forEach(r -> regions.add(region(r)));
      case ASYNC ->
          client
              .discoverAsync(request)
              .get(60, TimeUnit.SECONDS)
              .results()
              .forEach(r -> regions.add(region(r)));
      case STREAMING ->
          client.discoverStreaming(
              request,
              new DiscoveryHandler() {
                @Override
                public void onResultStart(ResultMetadata metadata, List<Column> columns) {
                  regions.add(metadata.region());
                }

                @Override
                public void onRow(Row row) {}
              });
      case ROWS -> {
        try (Stream<Row> rows = client.discoverRows(request)) {
          rows.forEach(row -> regions.add(row.getString("name").substring(3)));
        }
      }
      case RAW ->
          client.discoverRaw(
              request,
              (body, whole) -> {
                for (JsonNode result : JSON.readTree(body).get("results")) {
                  regions.add(result.at("/metadata/region").asText());
                }
              });
    }
    return regions;
  }

  private static String region(ServiceResult result) {
    return result.metadata().region();
  }

  private static List<String> expectedRegions(int count) {
    List<String> regions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      regions.add("r-" + i);
    }
    return regions;
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void tenBatchesGoThreeAtATimeAndArriveInRequestOrder(Path path) throws Exception {
    AtomicInteger now = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    try (ScriptedServer server =
            new ScriptedServer(
                exchange -> {
                  most.accumulateAndGet(now.incrementAndGet(), Math::max);
                  try {
                    // Later batches answer first: order must come from the client, not the wire.
                    int first = Integer.parseInt(firstRegion(exchange).substring(2));
                    Thread.sleep(first == 0 ? 400 : 150);
                  } finally {
                    // Counted out before the answer goes: the client may send the next batch as
                    // soon as it has read this one, before this thread gets to run again.
                    now.decrementAndGet();
                  }
                  answer(exchange, 200);
                },
                12);
        LightPaneClient client = client(server, 3)) {
      List<String> regions = regions(client, entries(950), path);

      assertEquals(expectedRegions(950), regions);
      assertEquals(10, server.requests(), "100 entries a batch, the last 50");
      assertTrue(most.get() <= 3, "at most 3 batches in flight, saw " + most.get());
      assertTrue(most.get() >= 2, "batches sent at once, saw at most " + most.get());
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Path.class,
      names = {"DISCOVER", "ASYNC", "STREAMING"})
  void aRetryAfterOneBatchMeetsHoldsTheBatchesSentAfterIt(Path path) throws Exception {
    AtomicInteger limited = new AtomicInteger();
    long[] blockedUntil = {0};
    boolean[] refusedOnce = {false};
    try (ScriptedServer server =
            new ScriptedServer(
                exchange -> {
                  String first = firstRegion(exchange);
                  if (first.equals("r-100") && !refusedOnce[0]) {
                    Thread.sleep(100); // the first batch, sent with it, has surely arrived
                  }
                  boolean refuse;
                  synchronized (blockedUntil) {
                    // The second batch is refused the first time; then, like a real limiter, every
                    // request for a second after it is.
                    refuse =
                        System.nanoTime() - blockedUntil[0] < 0
                            || (first.equals("r-100") && !refusedOnce[0]);
                    if (refuse) {
                      refusedOnce[0] = true;
                      blockedUntil[0] =
                          Math.max(blockedUntil[0], System.nanoTime() + 1_000_000_000L);
                    }
                  }
                  if (refuse) {
                    limited.incrementAndGet();
                    answer(exchange, 429);
                    return;
                  }
                  if (first.equals("r-0")) {
                    Thread.sleep(300); // the first batch outlasts the second's 429
                  }
                  answer(exchange, 200);
                },
                8);
        LightPaneClient client = client(server, 2)) {
      List<String> regions = regions(client, entries(400), path);

      assertEquals(expectedRegions(400), regions);
      assertEquals(1, limited.get(), "only the batch that met the 429 is refused; the rest waited");
      assertEquals(5, server.requests(), "4 batches and one retry");
    }
  }

  /**
   * A batch over the key's limit is sent again halved until it fits, and the rest go at the size
   * that fitted: 24 entries against a limit of 5 are a refused 24, 12 and 6, then eight batches of
   * 3. Splitting by one (23, 22, ...) would take 19 requests before the first answer.
   */
  @ParameterizedTest
  @EnumSource(
      value = Path.class,
      names = {"DISCOVER", "STREAMING"})
  void aBatchOverTheKeysLimitIsHalvedUntilItFits(Path path) throws Exception {
    List<Integer> sizes = java.util.Collections.synchronizedList(new ArrayList<>());
    try (ScriptedServer server =
            new ScriptedServer(
                exchange -> {
                  int size = JSON.readTree(ScriptedServer.BODY.get()).get("services").size();
                  sizes.add(size);
                  if (size > 5) {
                    refuseAsTooBig(exchange);
                  } else {
                    answer(exchange, 200);
                  }
                },
                4);
        LightPaneClient client = client(server, 1)) {
      List<String> regions = regions(client, entries(24), path);

      assertEquals(expectedRegions(24), regions);
      assertEquals(List.of(24, 12, 6, 3, 3, 3, 3, 3, 3, 3, 3), sizes);
    }
  }

  /** A single entry the server refuses as too big is an error, not an endless halving. */
  @ParameterizedTest
  @EnumSource(
      value = Path.class,
      names = {"DISCOVER"})
  void aRefusedBatchOfOneIsTheError(Path path) throws Exception {
    try (ScriptedServer server = new ScriptedServer(ConcurrentBatchesTest::refuseAsTooBig, 4);
        LightPaneClient client = client(server, 1)) {
      BadRequestException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              BadRequestException.class, () -> regions(client, entries(2), path));
      assertEquals(ErrorReason.BATCH_SIZE_EXCEEDED, e.reason());
      assertEquals(2, server.requests(), "a batch of 2, then of 1, then the error");
    }
  }
}
