package cloud.lightpane.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.client.discovery.DiscoveryResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The retry rules a user relies on, each stated once: which failures are tried again (408, 504),
 * which never are (a host that does not resolve, a TLS failure), and that backoff is jittered so
 * that many clients do not retry in step.
 */
class RetryDecisionsTest extends WireMockSupport {

  private void sequence(int... statuses) {
    for (int i = 0; i < statuses.length; i++) {
      server.stubFor(
          post("/discovery")
              .inScenario("sequence")
              .whenScenarioStateIs(i == 0 ? STARTED : "step" + i)
              .willReturn(
                  aResponse()
                      .withStatus(statuses[i])
                      .withHeader("Content-Type", "application/json")
                      .withBody(errorBody("status " + statuses[i])))
              .willSetStateTo("step" + (i + 1)));
    }
    server.stubFor(
        post("/discovery")
            .inScenario("sequence")
            .whenScenarioStateIs("step" + statuses.length)
            .willReturn(okJson(PART_A_EXAMPLE)));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void requestTimeoutAndGatewayTimeoutAreRetried(Transport transport) {
    sequence(408, 504);
    try (LightPaneClient client = builder(transport).maxRetries(2).build()) {
      DiscoveryResponse response = client.discover(ec2());
      assertEquals("web-1", response.results().get(0).rows().get(0).getString("name"));
    }
    server.verify(3, postRequestedFor(urlEqualTo("/discovery")));
    assertEquals(2, sleeps.size(), sleeps.toString());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aGatewayTimeoutAloneIsRetried(Transport transport) {
    sequence(504);
    try (LightPaneClient client = builder(transport).maxRetries(1).build()) {
      client.discover(ec2());
    }
    server.verify(2, postRequestedFor(urlEqualTo("/discovery")));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aHostThatDoesNotResolveIsNotRetried(Transport transport) {
    // .invalid never resolves (RFC 2606); no network is needed to learn that.
    try (LightPaneClient client =
        builder(transport).baseUrl("https://lightpane-test.invalid").maxRetries(3).build()) {
      LightPaneTransportException e =
          assertThrows(LightPaneTransportException.class, () -> client.discover(ec2()));
      assertTrue(e.getMessage().contains("lightpane-test.invalid"), e.getMessage());
    }
    assertEquals(List.of(), sleeps, "no wait: a second attempt would not resolve either");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void backoffIsJitteredDownByAtMostAQuarter(Transport transport) {
    server.stubFor(
        post("/discovery")
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withHeader("Content-Type", "application/json")
                    .withBody(errorBody("Service unavailable"))));
    // Initial and maximum backoff equal: without jitter every wait would be exactly 400 ms.
    try (LightPaneClient client =
        builder(transport)
            .maxRetries(8)
            .retryBackoff(Duration.ofMillis(400), Duration.ofMillis(400))
            .build()) {
      assertThrows(ServerException.class, () -> client.discover(ec2()));
    }
    assertEquals(8, sleeps.size(), sleeps.toString());
    for (Duration sleep : sleeps) {
      assertTrue(
          sleep.compareTo(Duration.ofMillis(300)) >= 0
              && sleep.compareTo(Duration.ofMillis(400)) <= 0,
          "each wait is 400 ms less up to 25%: " + sleeps);
    }
    // Eight random draws all equal would mean no jitter (the odds otherwise are nil).
    assertTrue(new HashSet<>(sleeps).size() > 1, "the waits vary: " + sleeps);
  }
}
