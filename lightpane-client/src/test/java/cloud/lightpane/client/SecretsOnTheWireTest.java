package cloud.lightpane.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.lightpane.client.auth.Credentials;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where a secret may go and how it looks when a server echoes one: credentials go over plain http
 * only to loopback, and every token shape the server can echo (access, embed and demo keys) is
 * masked in what the caller sees.
 */
class SecretsOnTheWireTest extends WireMockSupport {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://localhost.evil.example",
        "http://localhostevil.example",
        "http://evil-localhost",
        "http://127.0.0.1.evil.example",
        "http://example.com",
        // issue 10: loopback is localhost or a literal address; a *.localhost name is resolved
        // through DNS like any other and so does not count.
        "http://api.localhost"
      })
  void aKeyIsNeverSentOverPlainHttpToAHostThatOnlyLooksLikeLoopback(String url) {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                LightPaneClient.builder()
                    .baseUrl(url)
                    .credentials(Credentials.apiKey(TOKEN))
                    .build());
    String host = url.substring("http://".length());
    assertEquals(
        "Refusing to send an access key over plain http to "
            + host
            + ": anyone on the network could read it. Use https, or allow insecure credentials"
            + " explicitly if the network is trusted.",
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:1", "http://127.0.0.1:1", "http://[::1]:1"})
  void loopbackTakesAKeyOverPlainHttp(String url) {
    LightPaneClient.builder().baseUrl(url).credentials(Credentials.apiKey(TOKEN)).build().close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "csl_ak_ZmFrZWZha2VmYWtlZmFrZWZha2VmYWtlZmFrZWZha2VmYWs",
        "csl_em_ZmFrZWZha2VmYWtlZmFrZWZha2VmYWtlZmFrZWZha2VmYWs",
        "csl_dm_ZmFrZWZha2VmYWtlZmFrZWZha2VmYWtlZmFrZWZha2VmYWs"
      })
  void everyKindOfTokenAServerEchoesIsMasked(String echoed) {
    String prefix = echoed.substring(0, 7);
    String masked = prefix + "..." + echoed.substring(echoed.length() - 4);
    server.stubFor(
        post("/discovery")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(errorBody("Unknown token " + echoed))));
    try (LightPaneClient client = builder(Transport.JAVA_NET_HTTP).build()) {
      BadRequestException e = assertThrows(BadRequestException.class, () -> client.discover(ec2()));
      assertEquals("Unknown token " + masked, e.errorMessage());
      assertEquals("{\"error\": \"Unknown token " + masked + "\"}", e.body());
      assertFalse(e.getMessage().contains(echoed), e.getMessage());
      assertFalse(e.toString().contains(echoed), e.toString());
    }
  }
}
