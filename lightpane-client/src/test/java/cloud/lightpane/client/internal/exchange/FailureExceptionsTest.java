package cloud.lightpane.client.internal.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import cloud.lightpane.client.AuthenticationException;
import cloud.lightpane.client.InvalidResponseException;
import cloud.lightpane.client.LightPaneApiException;
import cloud.lightpane.client.LightPaneException;
import cloud.lightpane.client.LightPaneTransportException;
import cloud.lightpane.client.ServerException;
import cloud.lightpane.client.UnexpectedStatusException;
import cloud.lightpane.client.auth.Credentials;
import cloud.lightpane.client.internal.Call;
import cloud.lightpane.client.internal.ClientConfig;
import cloud.lightpane.client.internal.transport.NotSentException;
import cloud.lightpane.client.internal.transport.TransportResponse;
import com.fasterxml.jackson.core.JsonParseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the last failure of a call becomes: the failure's own summary for log lines, which status is
 * a server error, and the exception (type and exact words) for a proxy's refusal and for a streamed
 * body that breaks while the caller reads it.
 */
class FailureExceptionsTest {
  private static final ClientConfig CONFIG =
      new ClientConfig(
          URI.create("http://127.0.0.1:9"),
          Credentials.anonymous(),
          Duration.ofSeconds(10),
          Duration.ofSeconds(30),
          null,
          2,
          Duration.ofMillis(500),
          Duration.ofSeconds(8),
          Duration.ofSeconds(60),
          "test",
          Runnable::run,
          Clock.systemUTC(),
          null,
          () -> 0.0,
          false,
          null);

  private static final Call DISCOVER = new Call("POST", "/discovery", null, true);

  private static Failure status(int status, String body) {
    return Failure.of(
        new TransportResponse(
            status, Map.of(), new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void aFailureSummarisesItselfForTheTrafficLog() {
    assertEquals(
        "503 Service unavailable", status(503, "{\"error\": \"Service unavailable\"}").brief());
    assertEquals("502", status(502, "<html>Bad Gateway</html>").brief());
    assertEquals(
        "invalid JSON",
        Failure.invalidJson(new JsonParseException(null, "Unexpected character"), Map.of())
            .brief());
    assertEquals(
        "failed: Connection reset",
        Failure.of(new IOException("Connection reset"), Long.MAX_VALUE).brief());
  }

  @Test
  void aJsonBodyWithoutAStringErrorFieldHasNoErrorMessage() {
    assertNull(status(500, "{\"message\": \"boom\"}").errorMessage());
    assertNull(status(500, "{\"error\": 5}").errorMessage());
    assertNull(status(500, "{not json").errorMessage());
    assertEquals("{\"message\": \"boom\"}", status(500, "{\"message\": \"boom\"}").body());
  }

  @Test
  void fiveHundredToFiveNinetyNineExceptFiveOhOneAreServerErrors() {
    for (int s : new int[] {500, 502, 599}) {
      assertInstanceOf(ServerException.class, of(status(s, "")), "status " + s);
    }
    for (int s : new int[] {499, 501, 600}) {
      assertInstanceOf(UnexpectedStatusException.class, of(status(s, "")), "status " + s);
    }
  }

  @Test
  void aProxyThatRefusesTheTunnelIsA407WithAdviceAndWhyTheClientStopped() {
    Failure refused =
        Failure.of(
            new NotSentException(
                new IOException(
                    "Unable to tunnel through proxy. Proxy returns \"HTTP/1.1 407 Proxy"
                        + " Authentication Required\"")),
            Long.MAX_VALUE);
    String advice =
        "Proxy authentication required (HTTP 407). The proxy refused to pass the request on"
            + " without valid credentials: put its user and password in HTTP_PROXY"
            + " (http://user:password@host:port), or give them to the client's"
            + " proxyCredentials.";
    LightPaneException e = FailureExceptions.of(CONFIG, DISCOVER, refused, 1, Decision.Stop.FINAL);
    assertInstanceOf(AuthenticationException.class, e);
    assertEquals(407, ((LightPaneApiException) e).statusCode());
    assertEquals(advice, e.getMessage());
    e = FailureExceptions.of(CONFIG, DISCOVER, refused, 3, Decision.Stop.GAVE_UP);
    assertEquals(advice + " Gave up after 3 attempts.", e.getMessage());
  }

  @Test
  void aBodyThatBreaksWhileTheCallerReadsItIsInvalidJsonOrABrokenConnection() {
    LightPaneException json =
        FailureExceptions.reading(
            CONFIG, DISCOVER, new JsonParseException(null, "Unexpected character"), Map.of());
    assertInstanceOf(InvalidResponseException.class, json);
    LightPaneException broken =
        FailureExceptions.reading(CONFIG, DISCOVER, new IOException("Connection reset"), Map.of());
    assertInstanceOf(LightPaneTransportException.class, broken);
    assertEquals(
        "The connection to http://127.0.0.1:9 broke during POST /discovery: Connection reset."
            + " Try again; if it keeps happening, check the network and any proxy.",
        broken.getMessage());
  }

  private static LightPaneException of(Failure f) {
    return FailureExceptions.of(CONFIG, DISCOVER, f, 1, Decision.Stop.FINAL);
  }
}
