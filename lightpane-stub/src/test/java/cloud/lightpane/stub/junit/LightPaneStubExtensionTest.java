package cloud.lightpane.stub.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.stub.Http;
import cloud.lightpane.stub.KeySpec;
import cloud.lightpane.stub.MintedKey;
import cloud.lightpane.stub.StubServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The extension as users meet it: declared, with the server injected. */
@ExtendWith(LightPaneStubExtension.class)
class LightPaneStubExtensionTest {

  static StubServer fromBeforeAll;

  @BeforeAll
  static void before(StubServer server) {
    fromBeforeAll = server;
  }

  @Test
  void injectsOneServerPerClassOnAnEphemeralLoopbackPort(StubServer server) {
    assertSame(fromBeforeAll, server);
    assertEquals("127.0.0.1", server.uri().getHost());
    // Ephemeral: a port the system chose (not 0, not the documented 8787), named by the URI
    // without a trailing slash, and really held by the server.
    int port = server.port();
    assertTrue(port >= 1024 && port != 8787, "port " + port);
    assertEquals("http://127.0.0.1:" + port, server.uri().toString());
    assertThrows(
        java.net.BindException.class,
        () ->
            new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress()).close());
    assertTrue(server.sessionCookieHeader().startsWith("lightpane_session="));
  }

  @Test
  void mintsKeysWithConstraints(StubServer server) {
    MintedKey key =
        server.mintKey(
            KeySpec.embed("widget").allowedOrigins("https://app.example").maxBatchSize(1));
    assertTrue(key.token().startsWith("csl_em_"));
    Http.Reply reply =
        new Http(server.uri())
            .post(
                "/discovery",
                "{\"services\": [{\"service\": \"ec2\", \"provider\": \"aws\", \"region\": \"eu-west-2\"}]}")
            .header("Origin", "https://app.example")
            .header("Authorization", key.authorization())
            .send();
    assertEquals(200, reply.status());
    assertEquals("https://app.example", reply.header("Access-Control-Allow-Origin"));
  }

  @Test
  void invalidSpecsFailWithTheApisMessage(StubServer server) {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> server.mintKey(KeySpec.apiKey("x").allowedOrigins("https://*.example")));
    assertEquals("Invalid constraint: allowed_origins", error.getMessage());
  }

  @Nested
  class Inner {
    @Test
    void sharesTheEnclosingClasssServer(StubServer server) {
      assertSame(fromBeforeAll, server);
      assertEquals(200, new Http(server.uri()).get("/keys").session(server).send().status());
    }
  }
}
