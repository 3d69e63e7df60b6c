package cloud.lightpane.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.client.auth.Credentials;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Proxy credentials reach a proxy that demands them, on both transports, through an https tunnel
 * (CONNECT) and for plain http; a proxy that refuses them is a 407 {@link AuthenticationException}
 * naming the proxy, never "is the server running?".
 */
class ProxyCredentialsTest {
  private static final String TOKEN = WireMockSupport.TOKEN;

  private static LightPaneClient.Builder through(
      ScriptedProxy proxy, String baseUrl, Transport transport) {
    return LightPaneClient.builder()
        .baseUrl(baseUrl)
        .transport(transport)
        .credentials(Credentials.apiKey(TOKEN))
        .allowInsecureCredentials(true)
        .proxySelector(proxy.selector())
        .maxRetries(0)
        .timeout(Duration.ofSeconds(5))
        .logTraffic(false);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void anHttpsTunnelIsOpenedWithTheCredentials(Transport transport) throws Exception {
    try (ScriptedProxy proxy = new ScriptedProxy("alice", "s3cr:t", "{}");
        LightPaneClient client =
            through(proxy, "https://api.example.test", transport)
                .proxyCredentials("alice", "s3cr:t".toCharArray())
                .build()) {
      // The proxy grants the tunnel and then closes it: the TLS that follows fails, by design.
      assertThrows(LightPaneException.class, () -> client.discover(WireMockSupport.ec2()));
      assertTrue(
          proxy.heads().get(0).startsWith("CONNECT api.example.test:443 "),
          proxy.heads().toString());
      assertEquals(1, proxy.authorized(), proxy.heads().toString());
      assertFalse(
          String.join("", proxy.heads()).contains(TOKEN), "the API key never goes to the proxy");
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void plainHttpThroughTheProxyCarriesTheCredentials(Transport transport) throws Exception {
    try (ScriptedProxy proxy = new ScriptedProxy("bob", "pa ss", WireMockSupport.PART_A_EXAMPLE);
        LightPaneClient client =
            through(proxy, "http://api.example.test", transport)
                .proxyCredentials("bob", "pa ss".toCharArray())
                .build()) {
      assertEquals(
          "web-1",
          client.discover(WireMockSupport.ec2()).results().get(0).rows().get(0).getString("name"));
      assertEquals(1, proxy.authorized(), proxy.heads().toString());
      assertTrue(
          proxy
              .heads()
              .get(proxy.heads().size() - 1)
              .startsWith("POST http://api.example.test/discovery "),
          proxy.heads().toString());
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aRefusingProxyIsA407NamingTheProxy(Transport transport) throws Exception {
    for (String base : new String[] {"https://api.example.test", "http://api.example.test"}) {
      try (ScriptedProxy proxy = new ScriptedProxy("alice", "right", "{}");
          LightPaneClient client =
              through(proxy, base, transport)
                  .proxyCredentials("alice", "wrong".toCharArray())
                  .build()) {
        AuthenticationException e =
            assertThrows(
                AuthenticationException.class, () -> client.discover(WireMockSupport.ec2()));
        assertEquals(407, e.statusCode(), base);
        String variable = base.startsWith("https") ? "HTTPS_PROXY" : "HTTP_PROXY";
        assertTrue(
            e.getMessage()
                .startsWith(
                    "Proxy authentication required (HTTP 407). The proxy at 127.0.0.1:"
                        + proxy.port()
                        + " refused to pass the request on without valid credentials: put its"
                        + " user and password in "
                        + variable
                        + " (http://user:password@host:port)"),
            base + ": " + e.getMessage());
        assertFalse(e.getMessage().contains("wrong"), "the password is never shown");
        assertFalse(proxy.heads().isEmpty());
      }
    }
  }
}
