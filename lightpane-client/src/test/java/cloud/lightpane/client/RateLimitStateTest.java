package cloud.lightpane.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.client.auth.Credentials;
import cloud.lightpane.client.discovery.DiscoveryRequest;
import cloud.lightpane.client.discovery.DiscoveryResponse;
import cloud.lightpane.client.discovery.Provider;
import cloud.lightpane.client.discovery.RateLimit;
import cloud.lightpane.client.discovery.ServiceQuery;
import cloud.lightpane.stub.StubServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A success carries the server's rate-limit state, as the response's headers said it. */
class RateLimitStateTest extends WireMockSupport {
  private static final DiscoveryRequest EC2 =
      DiscoveryRequest.of(
          ServiceQuery.builder("ec2").provider(Provider.AWS).region("eu-west-2").build());
  private static final String BODY = "{\"results\": []}";

  @ParameterizedTest
  @EnumSource(Transport.class)
  void theHeadersOfASuccessBecomeItsRateLimit(Transport transport) throws Exception {
    server.stubFor(
        post("/discovery")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("RateLimit-Limit", "60")
                    .withHeader("RateLimit-Remaining", "41")
                    .withHeader("ratelimit-reset", "17")
                    .withBody(BODY)));
    try (LightPaneClient client = builder(transport).build()) {
      RateLimit expected = new RateLimit(60, 41, Duration.ofSeconds(17));
      assertEquals(expected, client.discover(EC2).rateLimit().orElseThrow());
      assertEquals(
          expected, client.discoverAsync(EC2).get(10, TimeUnit.SECONDS).rateLimit().orElseThrow());
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void noOrBrokenHeadersMeanNoState(Transport transport) {
    server.stubFor(
        post("/discovery")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("RateLimit-Limit", "60")
                    .withHeader("RateLimit-Remaining", "-1")
                    .withHeader("RateLimit-Reset", "17")
                    .withBody(BODY)));
    try (LightPaneClient client = builder(transport).build()) {
      assertFalse(client.discover(EC2).rateLimit().isPresent());
    }
    server.resetAll();
    server.stubFor(
        post("/discovery")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(BODY)));
    try (LightPaneClient client = builder(transport).build()) {
      assertFalse(client.discover(EC2).rateLimit().isPresent());
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void theReferenceServersWindowCountsDownAndASplitBatchReportsItsLastRequest(Transport transport) {
    try (StubServer stub = StubServer.builder().defaultRateLimit(10).build().start();
        LightPaneClient client =
            LightPaneClient.builder()
                .baseUrl(stub.uri())
                .credentials(Credentials.anonymous())
                .transport(transport)
                .build()) {
      RateLimit first = client.discover(EC2).rateLimit().orElseThrow();
      assertEquals(10, first.limit());
      assertEquals(9, first.remaining());
      assertTrue(
          first.reset().compareTo(Duration.ofSeconds(1)) >= 0
              && first.reset().compareTo(Duration.ofSeconds(60)) <= 0,
          "the window frees a slot within a minute: " + first.reset());

      List<ServiceQuery> many = new ArrayList<>();
      for (int i = 0; i < 150; i++) {
        many.add(ServiceQuery.builder("s3").provider(Provider.AWS).region("eu-west-2").build());
      }
      DiscoveryResponse split = client.discover(DiscoveryRequest.of(many));
      assertEquals(150, split.results().size());
      assertEquals(7, split.rateLimit().orElseThrow().remaining(), "after 1 + 2 requests of 10");
    }
  }
}
