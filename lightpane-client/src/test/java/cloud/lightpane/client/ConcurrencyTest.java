package cloud.lightpane.client;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.lightpane.client.discovery.DiscoveryRequest;
import cloud.lightpane.client.discovery.DiscoveryResponse;
import cloud.lightpane.client.discovery.Provider;
import cloud.lightpane.client.discovery.ServiceQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One client serves many threads at once, each getting its own answer. */
@Timeout(60)
class ConcurrencyTest extends WireMockSupport {
  private static final int SERVICES = 6;

  private void stubEachRegion() {
    for (int i = 0; i < SERVICES; i++) {
      server.stubFor(
          post("/discovery")
              .withRequestBody(
                  equalToJson(
                      "{\"services\": [{\"service\": \"svc"
                          + i
                          + "\", \"provider\": \"aws\", \"region\": \"r\"}]}"))
              .willReturn(
                  okJson(
                      "{\"results\": [{\"metadata\": {\"service\": \"svc"
                          + i
                          + "\", \"count\": 1}, \"columns\": [], \"rows\": [{\"i\": "
                          + i
                          + "}]}]}")));
    }
  }

  private static DiscoveryRequest request(int i) {
    return DiscoveryRequest.of(
        ServiceQuery.builder("svc" + i).provider(Provider.AWS).region("r").build());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void manyThreadsShareOneClient(Transport transport) throws Exception {
    stubEachRegion();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (LightPaneClient client = client(transport)) {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int n = 0; n < 48; n++) {
        int i = n % SERVICES;
        answers.add(
            pool.submit(
                () -> {
                  DiscoveryResponse r = client.discover(request(i));
                  assertEquals("svc" + i, r.results().get(0).metadata().service());
                  return r.results().get(0).rows().get(0).getInt("i");
                }));
      }
      for (int n = 0; n < answers.size(); n++) {
        assertEquals(n % SERVICES, answers.get(n).get(20, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void manyAsyncCallsAtOnce(Transport transport) {
    stubEachRegion();
    try (LightPaneClient client = client(transport)) {
      List<CompletableFuture<DiscoveryResponse>> futures = new ArrayList<>();
      for (int n = 0; n < 30; n++) {
        futures.add(client.discoverAsync(request(n % SERVICES)));
      }
      for (int n = 0; n < futures.size(); n++) {
        assertEquals(
            "svc" + (n % SERVICES), futures.get(n).join().results().get(0).metadata().service());
      }
    }
  }
}
