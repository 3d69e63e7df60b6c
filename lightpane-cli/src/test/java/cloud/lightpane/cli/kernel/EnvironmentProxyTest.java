package cloud.lightpane.cli.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.Proxy;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which hosts go through HTTPS_PROXY / HTTP_PROXY, and the credentials they carry. */
class EnvironmentProxyTest {
  private static final Map<String, String> ENV =
      Map.of(
          "HTTPS_PROXY", "http://u:p@proxy.corp.example:3128",
          "HTTP_PROXY", "http://other:pw@proxy.corp.example:8080",
          "NO_PROXY", "internal.example, .lan");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "https://api.lightpane.cloud, proxy.corp.example:3128",
    "http://api.lightpane.cloud, proxy.corp.example:8080",
    "https://127.evil.example, proxy.corp.example:3128",
    "https://localhost.evil.example, proxy.corp.example:3128",
    "https://127.0.0.1:8080, DIRECT",
    "https://[::1]:8080, DIRECT",
    "https://localhost, DIRECT",
    "https://internal.example, DIRECT",
    "https://api.internal.example, DIRECT",
    "https://box.lan, DIRECT",
    "https://lan.example, proxy.corp.example:3128",
  })
  void onlyLiteralLoopbackAndNoProxyBypass(String url, String expected) {
    Proxy p = EnvironmentProxy.from(ENV).select(URI.create(url)).get(0);
    assertEquals(
        expected,
        p.type() == Proxy.Type.DIRECT
            ? "DIRECT"
            : p.address().toString().replace("/<unresolved>", ""));
  }

  @Test
  void credentialsComeFromTheVariableOfTheBaseUrlsScheme() {
    EnvironmentProxy.Login https =
        EnvironmentProxy.credentialsFor(URI.create("https://api.lightpane.cloud"), ENV);
    assertEquals("u", https.user());
    assertArrayEquals("p".toCharArray(), https.password());
    EnvironmentProxy.Login http =
        EnvironmentProxy.credentialsFor(URI.create("http://api.lightpane.cloud"), ENV);
    assertEquals("other", http.user());
    assertNull(EnvironmentProxy.credentialsFor(URI.create("https://box.lan"), ENV), "bypassed");
    assertNull(
        EnvironmentProxy.credentialsFor(
            URI.create("https://api.lightpane.cloud"), Map.of("HTTPS_PROXY", "proxy:3128")));
    EnvironmentProxy.Login encoded =
        EnvironmentProxy.credentialsFor(
            URI.create("https://api.lightpane.cloud"),
            Map.of("https_proxy", "http://me%40corp:a%3Ab+c@proxy:3128"));
    assertEquals("me@corp", encoded.user());
    assertArrayEquals("a:b+c".toCharArray(), encoded.password());
  }
}
