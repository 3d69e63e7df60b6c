package cloud.lightpane.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.client.auth.Credentials;
import cloud.lightpane.client.discovery.DiscoveryResponse;
import cloud.lightpane.client.keys.CreateKeyRequest;
import cloud.lightpane.client.keys.KeyType;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** When the client tries again, how long it waits, and when it must not try again. */
class RetryTest extends WireMockSupport {

  /** Serves the responses in order on POST /discovery, the last one for good. */
  private void discoverySequence(ResponseDefinitionBuilder... responses) {
    for (int i = 0; i < responses.length; i++) {
      server.stubFor(
          post("/discovery")
              .inScenario("sequence")
              .whenScenarioStateIs(i == 0 ? STARTED : "step" + i)
              .willReturn(responses[i])
              .willSetStateTo("step" + (i + 1)));
    }
  }

  private static ResponseDefinitionBuilder status(int status, String error) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(errorBody(error));
  }

  private static ResponseDefinitionBuilder ok() {
    return okJson(PART_A_EXAMPLE);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void rateLimitWaitsForRetryAfterInSeconds(Transport transport) {
    discoverySequence(status(429, "Rate limit exceeded").withHeader("Retry-After", "3"), ok());
    try (LightPaneClient client = client(transport)) {
      DiscoveryResponse response = client.discover(ec2());
      assertEquals("web-1", response.results().get(0).rows().get(0).getString("name"));
    }
    assertEquals(List.of(Duration.ofSeconds(3)), sleeps);
    server.verify(2, postRequestedFor(urlEqualTo("/discovery")));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void rateLimitWaitsForRetryAfterAsAnHttpDate(Transport transport) {
    String date =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(5).atZone(ZoneOffset.UTC));
    discoverySequence(status(429, "Rate limit exceeded").withHeader("Retry-After", date), ok());
    try (LightPaneClient client = client(transport)) {
      client.discover(ec2());
    }
    assertEquals(List.of(Duration.ofSeconds(5)), sleeps);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aRateLimitWithoutRetryAfterWaitsForTheWindowToReset(Transport transport) {
    discoverySequence(status(429, "Rate limit exceeded").withHeader("RateLimit-Reset", "4"), ok());
    try (LightPaneClient client = client(transport)) {
      client.discover(ec2());
    }
    assertEquals(List.of(Duration.ofSeconds(4)), sleeps);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void retryAfterBeyondTheCapIsThrownAtOnceWithItsWait(Transport transport) {
    server.stubFor(
        post("/discovery")
            .willReturn(status(429, "Rate limit exceeded").withHeader("Retry-After", "120")));
    try (LightPaneClient client = client(transport)) {
      RateLimitException e = assertThrows(RateLimitException.class, () -> client.discover(ec2()));
      assertEquals(Duration.ofSeconds(120), e.retryAfter().orElseThrow());
      assertTrue(
          e.getMessage()
              .endsWith(
                  "The server asks to wait 2 min, longer than the 1 min this client waits by itself."),
          e.getMessage());
    }
    assertEquals(List.of(), sleeps);
    server.verify(1, postRequestedFor(urlEqualTo("/discovery")));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void theCapCanBeRaised(Transport transport) {
    discoverySequence(status(429, "Rate limit exceeded").withHeader("Retry-After", "90"), ok());
    try (LightPaneClient client = builder(transport).maxRetryAfter(Duration.ofMinutes(2)).build()) {
      client.discover(ec2());
    }
    assertEquals(List.of(Duration.ofSeconds(90)), sleeps);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void backoffDoublesUpToItsMaximum(Transport transport) {
    server.stubFor(post("/discovery").willReturn(status(500, "Internal server error")));
    try (LightPaneClient client = builder(transport).maxRetries(6).build()) {
      ServerException e = assertThrows(ServerException.class, () -> client.discover(ec2()));
      assertTrue(e.getMessage().endsWith("Gave up after 7 attempts."), e.getMessage());
    }
    assertEquals(6, sleeps.size());
    long[] maxMillis = {500, 1000, 2000, 4000, 8000, 8000};
    for (int i = 0; i < maxMillis.length; i++) {
      assertBetween(
          Duration.ofMillis(maxMillis[i] * 3 / 4), Duration.ofMillis(maxMillis[i]), sleeps.get(i));
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void clientErrorsAreNotRetried(Transport transport) {
    server.stubFor(post("/discovery").willReturn(status(400, "Invalid region")));
    try (LightPaneClient client = client(transport)) {
      assertThrows(BadRequestException.class, () -> client.discover(ec2()));
    }
    server.verify(1, postRequestedFor(urlEqualTo("/discovery")));
    assertEquals(List.of(), sleeps);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void creatingAKeyIsNotRetriedOnceTheServerHasIt(Transport transport) {
    server.stubFor(post("/keys").willReturn(status(503, "Service unavailable")));
    try (LightPaneClient client = sessionClient(transport)) {
      ServerException e =
          assertThrows(
              ServerException.class,
              () -> client.keys().create(CreateKeyRequest.builder(KeyType.API_KEY, "ci").build()));
      assertTrue(e.getMessage().contains("Not retried"), e.getMessage());
    }
    server.verify(1, postRequestedFor(urlEqualTo("/keys")));
    assertEquals(List.of(), sleeps);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void creatingAKeyIsNotRetriedWhenTheConnectionBreaksAfterSending(Transport transport) {
    server.stubFor(post("/keys").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    try (LightPaneClient client = sessionClient(transport)) {
      LightPaneTransportException e =
          assertThrows(
              LightPaneTransportException.class,
              () -> client.keys().create(CreateKeyRequest.builder(KeyType.API_KEY, "ci").build()));
      assertTrue(e.getMessage().contains("list the keys"), e.getMessage());
    }
    server.verify(1, postRequestedFor(urlEqualTo("/keys")));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void creatingAKeyIsRetriedWhenItNeverLeft(Transport transport) throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    try (LightPaneClient client =
        builder(transport)
            .baseUrl("http://127.0.0.1:" + closedPort)
            .credentials(Credentials.session(SESSION))
            .build()) {
      LightPaneTransportException e =
          assertThrows(
              LightPaneTransportException.class,
              () -> client.keys().create(CreateKeyRequest.builder(KeyType.API_KEY, "ci").build()));
      assertTrue(
          e.getMessage()
              .startsWith(
                  "Cannot connect to http://127.0.0.1:"
                      + closedPort
                      + ": Connection refused. Is the server running?"),
          e.getMessage());
    }
    assertEquals(2, sleeps.size(), "two retries of a request that never left");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void listAndRevokeAreRetried(Transport transport) {
    server.stubFor(
        get("/keys")
            .inScenario("list")
            .whenScenarioStateIs(STARTED)
            .willReturn(status(502, "Bad gateway"))
            .willSetStateTo("ok"));
    server.stubFor(
        get("/keys")
            .inScenario("list")
            .whenScenarioStateIs("ok")
            .willReturn(okJson("{\"grants\": []}")));
    server.stubFor(
        delete("/keys/g-1")
            .inScenario("revoke")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
            .willSetStateTo("ok"));
    server.stubFor(
        delete("/keys/g-1")
            .inScenario("revoke")
            .whenScenarioStateIs("ok")
            .willReturn(okJson("{\"grant\": {\"grant_id\": \"g-1\", \"revoked\": true}}")));
    try (LightPaneClient client = sessionClient(transport)) {
      assertEquals(List.of(), client.keys().list());
      assertTrue(client.keys().revoke("g-1").revoked());
    }
    server.verify(2, getRequestedFor(urlEqualTo("/keys")));
    server.verify(2, deleteRequestedFor(urlEqualTo("/keys/g-1")));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aDeadlineTooShortForTheNextWaitStopsRetrying(Transport transport) {
    server.stubFor(
        post("/discovery")
            .willReturn(status(503, "Service unavailable").withHeader("Retry-After", "30")));
    try (LightPaneClient client = builder(transport).deadline(Duration.ofSeconds(5)).build()) {
      ServerException e = assertThrows(ServerException.class, () -> client.discover(ec2()));
      assertTrue(
          e.getMessage().endsWith("The call's deadline leaves no time for another attempt."),
          e.getMessage());
    }
    server.verify(1, postRequestedFor(urlEqualTo("/discovery")));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void asyncCallsRetryTheSameWay(Transport transport) {
    discoverySequence(
        status(429, "Rate limit exceeded").withHeader("Retry-After", "2"),
        status(503, "Service unavailable"),
        ok());
    try (LightPaneClient client = client(transport)) {
      DiscoveryResponse response = client.discoverAsync(ec2()).join();
      assertEquals(3, response.results().get(0).metadata().count());
    }
    assertEquals(Duration.ofSeconds(2), sleeps.get(0));
    assertBetween(Duration.ofMillis(750), Duration.ofMillis(1000), sleeps.get(1));
    server.verify(3, postRequestedFor(urlEqualTo("/discovery")));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void asyncFailuresArriveAsTheSameExceptions(Transport transport) {
    server.stubFor(post("/discovery").willReturn(status(503, "Service unavailable")));
    try (LightPaneClient client = client(transport)) {
      CompletionException e =
          assertThrows(CompletionException.class, () -> client.discoverAsync(ec2()).join());
      assertTrue(e.getCause() instanceof ServerException, String.valueOf(e.getCause()));
      assertTrue(e.getCause().getMessage().endsWith("Gave up after 3 attempts."));
    }
    server.verify(3, postRequestedFor(urlEqualTo("/discovery")));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void asyncRetriesWithoutASleeperWaitOnADelayedExecutor(Transport transport) {
    discoverySequence(status(503, "Service unavailable"), ok());
    try (LightPaneClient client =
        builder(transport)
            .sleeper(null)
            .retryBackoff(Duration.ofMillis(20), Duration.ofMillis(20))
            .build()) {
      assertEquals(1, client.discoverAsync(ec2()).join().results().size());
    }
    server.verify(2, postRequestedFor(urlEqualTo("/discovery")));
  }

  private LightPaneClient sessionClient(Transport transport) {
    return builder(transport).credentials(Credentials.session(SESSION)).build();
  }

  private static void assertBetween(Duration low, Duration high, Duration actual) {
    assertTrue(
        actual.compareTo(low) >= 0 && actual.compareTo(high) <= 0,
        () -> actual + " not within [" + low + ", " + high + "]");
  }
}
