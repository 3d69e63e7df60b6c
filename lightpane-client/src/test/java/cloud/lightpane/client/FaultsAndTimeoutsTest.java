package cloud.lightpane.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.client.discovery.Row;
import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Broken connections and silent servers end in clear exceptions, never in a hang. */
@Timeout(30)
class FaultsAndTimeoutsTest extends WireMockSupport {

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aConnectionResetEveryTimeEndsInATransportException(Transport transport) {
    server.stubFor(
        post("/discovery").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    try (LightPaneClient client = client(transport)) {
      LightPaneTransportException e =
          assertThrows(LightPaneTransportException.class, () -> client.discover(ec2()));
      assertTrue(
          e.getMessage()
              .startsWith("The connection to " + baseUrl() + " broke during POST /discovery: "),
          e.getMessage());
      assertTrue(e.getMessage().endsWith("Gave up after 3 attempts."), e.getMessage());
    }
    // HttpURLConnection itself repeats an idempotent request once on a broken connection.
    int perAttempt = transport == Transport.URL_CONNECTION ? 2 : 1;
    server.verify(3 * perAttempt, postRequestedFor(urlEqualTo("/discovery")));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void anEmptyResponseIsATransportFailure(Transport transport) {
    server.stubFor(post("/discovery").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    try (LightPaneClient client = builder(transport).maxRetries(0).build()) {
      assertThrows(LightPaneTransportException.class, () -> client.discover(ec2()));
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aSilentServerRunsIntoTheRequestTimeout(Transport transport) {
    server.stubFor(post("/discovery").willReturn(okJson(PART_A_EXAMPLE).withFixedDelay(3000)));
    try (LightPaneClient client =
        builder(transport).maxRetries(0).requestTimeout(Duration.ofMillis(300)).build()) {
      LightPaneTimeoutException e =
          assertThrows(LightPaneTimeoutException.class, () -> client.discover(ec2()));
      assertTrue(
          e.getMessage()
              .startsWith(
                  "Timed out waiting for the response to POST /discovery from "
                      + baseUrl()
                      + ": nothing for 300 ms (the request timeout)."),
          e.getMessage());
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aDribblingResponseRunsIntoTheRequestTimeout(Transport transport) {
    // Headers at once, then the body in 3 pieces 1.5 s apart: each gap exceeds the timeout.
    server.stubFor(
        post("/discovery").willReturn(okJson(PART_A_EXAMPLE).withChunkedDribbleDelay(3, 3000)));
    try (LightPaneClient client =
        builder(transport).maxRetries(1).requestTimeout(Duration.ofMillis(300)).build()) {
      assertThrows(LightPaneTimeoutException.class, () -> client.discover(ec2()));
      CompletionException async =
          assertThrows(CompletionException.class, () -> client.discoverAsync(ec2()).join());
      assertTrue(
          async.getCause() instanceof LightPaneTimeoutException, String.valueOf(async.getCause()));
      List<Row> rows = new ArrayList<>();
      assertThrows(
          LightPaneTimeoutException.class, () -> client.discoverStreaming(ec2(), rows::add));
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aSlowBodyThatKeepsMovingIsNotCutOff(Transport transport) {
    // Pieces 100 ms apart against a 2 s timeout: slow in total, never silent for long.
    server.stubFor(
        post("/discovery").willReturn(okJson(PART_A_EXAMPLE).withChunkedDribbleDelay(10, 1000)));
    try (LightPaneClient client =
        builder(transport).maxRetries(0).requestTimeout(Duration.ofMillis(2000)).build()) {
      assertEquals(1, client.discover(ec2()).results().size());
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void theDeadlineBoundsTheWholeCall(Transport transport) {
    server.stubFor(
        post("/discovery").willReturn(okJson(PART_A_EXAMPLE).withChunkedDribbleDelay(20, 4000)));
    try (LightPaneClient client = builder(transport).deadline(Duration.ofMillis(600)).build()) {
      LightPaneTimeoutException e =
          assertThrows(LightPaneTimeoutException.class, () -> client.discover(ec2()));
      assertTrue(
          e.getMessage().startsWith("POST /discovery gave up after 600 ms, its deadline"),
          e.getMessage());
    }
    server.verify(1, postRequestedFor(urlEqualTo("/discovery")));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void theDeadlineAlsoCutsTheWaitForHeadersShort(Transport transport) {
    server.stubFor(post("/discovery").willReturn(okJson(PART_A_EXAMPLE).withFixedDelay(3000)));
    try (LightPaneClient client = builder(transport).deadline(Duration.ofMillis(500)).build()) {
      LightPaneTimeoutException e =
          assertThrows(LightPaneTimeoutException.class, () -> client.discover(ec2()));
      assertTrue(
          e.getMessage().startsWith("POST /discovery gave up after 500 ms, its deadline"),
          e.getMessage());
      CompletionException async =
          assertThrows(CompletionException.class, () -> client.discoverAsync(ec2()).join());
      assertTrue(
          async.getCause().getMessage().startsWith("POST /discovery gave up after "),
          async.getCause().getMessage());
    }
    server.verify(2, postRequestedFor(urlEqualTo("/discovery")));
  }
}
