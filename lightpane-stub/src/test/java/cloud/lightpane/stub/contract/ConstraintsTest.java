package cloud.lightpane.stub.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cloud.lightpane.stub.Http;
import cloud.lightpane.stub.KeySpec;
import cloud.lightpane.stub.MintedKey;
import cloud.lightpane.stub.StubServer;
import cloud.lightpane.stub.junit.LightPaneStubExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Step 4: key constraints, IP then referer then origin. */
class ConstraintsTest {

  @RegisterExtension static LightPaneStubExtension stub = new LightPaneStubExtension();

  static final String BODY =
      "{\"services\": [{\"service\": \"s3\", \"provider\": \"aws\", \"region\": \"us-east-1\"}]}";

  private static Http.Request discover(StubServer server, MintedKey key) {
    return new Http(server.uri()).post("/discovery", BODY).bearer(key.token());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "127.0.0.1, 200",
    "127.0.0.0/8, 200",
    "10.0.0.0/8, 403",
    "::ffff:127.0.0.0/104, 200",
    "::ffff:127.0.0.1, 200",
    "::1, 403",
    "0.0.0.0/0, 200",
  })
  void ipsMatchThePeerAddress(String allowed, int status) {
    MintedKey key = stub.mintKey(KeySpec.apiKey("ip").allowedIps(allowed));
    Http.Reply reply = discover(stub.server(), key).send();
    assertEquals(status, reply.status(), reply.body());
    if (status == 403) {
      assertEquals("IP address not permitted for this token", reply.error());
    }
  }

  @Test
  void ipv6Peers() throws IOException {
    assumeTrue(ipv6LoopbackAvailable(), "no IPv6 loopback on this machine");
    try (StubServer v6 = StubServer.builder().bindAddress("::1").build().start()) {
      assertEquals("[::1]", v6.uri().getHost());
      assertEquals(
          200,
          discover(v6, v6.mintKey(KeySpec.apiKey("v6").allowedIps("::1/128"))).send().status());
      assertEquals(
          200, discover(v6, v6.mintKey(KeySpec.apiKey("v6").allowedIps("::/0"))).send().status());
      assertEquals(
          403,
          discover(v6, v6.mintKey(KeySpec.apiKey("v6").allowedIps("127.0.0.1"))).send().status());
      assertEquals(
          403,
          discover(v6, v6.mintKey(KeySpec.apiKey("v6").allowedIps("2001:db8::/32")))
              .send()
              .status());
    }
  }

  @Test
  void ipv4PeersOfADualStackSocketMatchIpv4Ranges() throws IOException {
    assumeTrue(ipv6LoopbackAvailable(), "no IPv6 on this machine");
    try (StubServer dual = StubServer.builder().bindAddress("::").build().start()) {
      // Reached over IPv4, the peer is ::ffff:127.0.0.1 on the socket.
      java.net.URI v4 = java.net.URI.create("http://127.0.0.1:" + dual.port());
      MintedKey ipv4Range = dual.mintKey(KeySpec.apiKey("v4").allowedIps("127.0.0.0/8"));
      MintedKey mappedRange =
          dual.mintKey(KeySpec.apiKey("mapped").allowedIps("::ffff:127.0.0.1/128"));
      MintedKey ipv6Only = dual.mintKey(KeySpec.apiKey("v6").allowedIps("::1"));
      assertEquals(
          200, new Http(v4).post("/discovery", BODY).bearer(ipv4Range.token()).send().status());
      assertEquals(
          200, new Http(v4).post("/discovery", BODY).bearer(mappedRange.token()).send().status());
      assertEquals(
          403, new Http(v4).post("/discovery", BODY).bearer(ipv6Only.token()).send().status());
    }
  }

  @ParameterizedTest(name = "X-Forwarded-For: {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "203.0.113.9 | 200",
        "198.51.100.1 | 403",
        "203.0.113.9, 127.0.0.1 | 200",
        "198.51.100.1, 203.0.113.9 | 200",
        "203.0.113.9, 198.51.100.1 | 403",
        "203.0.113.9, not-an-ip | 403",
      })
  void forwardedForCountsOnlyBehindTrustedProxies(String forwardedFor, int status) {
    try (StubServer proxied = StubServer.builder().trustProxy("127.0.0.1/32").build().start()) {
      MintedKey key = proxied.mintKey(KeySpec.apiKey("proxied").allowedIps("203.0.113.0/24"));
      Http.Reply reply = discover(proxied, key).header("X-Forwarded-For", forwardedFor).send();
      assertEquals(status, reply.status(), reply.body());
    }
    // Without --trust-proxy the header is ignored: the peer is 127.0.0.1.
    MintedKey key = stub.mintKey(KeySpec.apiKey("direct").allowedIps("203.0.113.0/24"));
    assertEquals(
        403, discover(stub.server(), key).header("X-Forwarded-For", forwardedFor).send().status());
  }

  @Test
  void refererRequired() {
    MintedKey key = stub.mintKey(KeySpec.embed("page").requireReferer(true));
    Http.Reply missing = discover(stub.server(), key).send();
    assertEquals(403, missing.status());
    assertEquals("Referer header required for this token", missing.error());
    assertEquals(
        200,
        discover(stub.server(), key).header("Referer", "https://any.example/page").send().status());
  }

  @ParameterizedTest(name = "Origin {0}, Referer {1} -> {2}")
  @CsvSource({
    "https://app.example.com, , 200",
    "https://APP.Example.com:443, , 200",
    "HTTPS://app.example.com, , 200",
    "http://app.example.com, , 403",
    "https://app.example.com:8443, , 403",
    "https://other.example.com, , 403",
    "https://app.example.com.evil.com, , 403",
    "null, , 403",
    ", https://app.example.com/dashboard?x=1, 200",
    ", https://app.example.com:443/, 200",
    ", https://evil.example.com/app.example.com, 403",
    ", not a url, 403",
    "https://other.example.com, https://app.example.com/, 403",
    ", , 403",
  })
  void originsMatchExactlyWithTheRefererAsFallback(String origin, String referer, int status) {
    MintedKey key =
        stub.mintKey(
            KeySpec.embed("site")
                .allowedOrigins("https://app.example.com", "http://localhost:3000"));
    Http.Request request = discover(stub.server(), key);
    if (origin != null) {
      request.header("Origin", origin);
    }
    if (referer != null) {
      request.header("Referer", referer);
    }
    Http.Reply reply = request.send();
    assertEquals(status, reply.status(), reply.body());
    if (status == 403) {
      assertEquals("Origin not permitted for this token", reply.error());
    }
  }

  @Test
  void defaultPortsAreImplied() {
    MintedKey key = stub.mintKey(KeySpec.embed("local").allowedOrigins("http://localhost:80"));
    assertEquals(
        200, discover(stub.server(), key).header("Origin", "http://localhost").send().status());
  }

  @Test
  void ipComesBeforeRefererWhichComesBeforeOrigin() {
    MintedKey all =
        stub.mintKey(
            KeySpec.embed("all")
                .allowedIps("10.0.0.0/8")
                .requireReferer(true)
                .allowedOrigins("https://a.example"));
    assertEquals(
        "IP address not permitted for this token", discover(stub.server(), all).send().error());
    MintedKey two =
        stub.mintKey(KeySpec.embed("two").requireReferer(true).allowedOrigins("https://a.example"));
    assertEquals(
        "Referer header required for this token",
        discover(stub.server(), two).header("Origin", "https://b.example").send().error());
  }

  @Test
  void constraintsApplyOnlyToKeys() {
    // Anonymous and session callers with any Origin or Referer: no constraint to fail.
    Http.Reply anonymous =
        new Http(stub.uri()).post("/discovery", BODY).header("Origin", "null").send();
    assertEquals(200, anonymous.status());
  }

  private static boolean ipv6LoopbackAvailable() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
      return socket.isBound();
    } catch (IOException e) {
      return false;
    }
  }
}
