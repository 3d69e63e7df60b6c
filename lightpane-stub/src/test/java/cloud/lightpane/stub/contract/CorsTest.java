package cloud.lightpane.stub.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cloud.lightpane.stub.Http;
import cloud.lightpane.stub.KeySpec;
import cloud.lightpane.stub.MintedKey;
import cloud.lightpane.stub.RawHttp;
import cloud.lightpane.stub.junit.LightPaneStubExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CORS: open for keys and anonymous callers (gated by allowed_origins), none for sessions. */
class CorsTest {

  @RegisterExtension static LightPaneStubExtension stub = new LightPaneStubExtension();

  static final String ORIGIN = "https://Shop.Example.com";
  static final String EXPOSE = "RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After";

  private Http.Request discovery() {
    return new Http(stub.uri()).post("/discovery", ConstraintsTest.BODY).header("Origin", ORIGIN);
  }

  @Test
  void preflight() {
    Http.Reply reply =
        new Http(stub.uri())
            .method("OPTIONS", "/discovery")
            .header("Origin", ORIGIN)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "authorization, content-type")
            .send();
    assertEquals(204, reply.status());
    assertEquals(ORIGIN, reply.header("Access-Control-Allow-Origin"));
    assertEquals("POST, OPTIONS", reply.header("Access-Control-Allow-Methods"));
    assertEquals("Authorization, Content-Type", reply.header("Access-Control-Allow-Headers"));
    assertEquals("600", reply.header("Access-Control-Max-Age"));
    assertEquals("Origin", reply.header("Vary"));
    assertEquals("", reply.body());
    Http.Reply bare = new Http(stub.uri()).method("OPTIONS", "/discovery").send();
    assertEquals(204, bare.status());
    assertEquals("*", bare.header("Access-Control-Allow-Origin"));
  }

  @Test
  void preflightIsNeverCountedNorAuthenticated() {
    MintedKey key = stub.mintKey(KeySpec.embed("one").rateLimitRpm(1));
    for (int i = 0; i < 3; i++) {
      Http.Reply reply =
          new Http(stub.uri())
              .method("OPTIONS", "/discovery")
              .header("Origin", ORIGIN)
              .bearer(key.token())
              .send();
      assertEquals(204, reply.status());
    }
    assertEquals(200, discovery().bearer(key.token()).send().status());
  }

  @Test
  void anonymousAndKeysWithoutOriginsGetAStar() {
    Http.Reply anonymous = discovery().send();
    assertEquals("*", anonymous.header("Access-Control-Allow-Origin"));
    assertEquals(EXPOSE, anonymous.header("Access-Control-Expose-Headers"));
    MintedKey key = stub.mintKey(KeySpec.apiKey("open"));
    Http.Reply open = discovery().bearer(key.token()).send();
    assertEquals("*", open.header("Access-Control-Allow-Origin"));
    // An error after authentication too.
    Http.Reply error =
        new Http(stub.uri())
            .post("/discovery", "{}")
            .header("Origin", ORIGIN)
            .bearer(key.token())
            .send();
    assertEquals(400, error.status());
    assertEquals("*", error.header("Access-Control-Allow-Origin"));
  }

  @Test
  void keysWithOriginsEchoAMatchAndSayNothingOnTheDenial() {
    MintedKey key = stub.mintKey(KeySpec.embed("shop").allowedOrigins("https://shop.example.com"));
    Http.Reply ok = discovery().bearer(key.token()).send();
    assertEquals(200, ok.status());
    assertEquals(ORIGIN, ok.header("Access-Control-Allow-Origin"), "as sent");
    assertEquals("Origin", ok.header("Vary"));
    assertEquals(EXPOSE, ok.header("Access-Control-Expose-Headers"));
    Http.Reply denied =
        new Http(stub.uri())
            .post("/discovery", ConstraintsTest.BODY)
            .header("Origin", "https://evil.example")
            .bearer(key.token())
            .send();
    assertEquals(403, denied.status());
    assertNull(denied.header("Access-Control-Allow-Origin"));
    assertNull(denied.header("Access-Control-Expose-Headers"));
  }

  @Test
  void everyUnauthorizedAndPreAuthenticationAnswerGetsAStar() {
    MintedKey key =
        stub.mintKey(KeySpec.embed("revoked").allowedOrigins("https://shop.example.com"));
    stub.server().revokeKey(key.grantId());
    Http.Reply revoked = discovery().bearer(key.token()).send();
    assertEquals(401, revoked.status());
    assertEquals("*", revoked.header("Access-Control-Allow-Origin"));
    assertEquals(
        "*", discovery().bearer("csl_em_nope").send().header("Access-Control-Allow-Origin"));
    Http.Reply notAllowed = new Http(stub.uri()).get("/discovery").header("Origin", ORIGIN).send();
    assertEquals(405, notAllowed.status());
    assertEquals("*", notAllowed.header("Access-Control-Allow-Origin"));
    RawHttp.Exchange tooLarge =
        RawHttp.send(
            stub.uri(),
            "POST /discovery HTTP/1.1\r\nHost: x\r\nOrigin: "
                + ORIGIN
                + "\r\nContent-Length: 2000000\r\n\r\n",
            5000);
    assertEquals(413, tooLarge.status());
    assertEquals("*", tooLarge.header("Access-Control-Allow-Origin"));
  }

  @Test
  void sessionsAndRequestsWithoutOriginGetNone() {
    Http.Reply session = discovery().session(stub.server()).send();
    assertEquals(200, session.status());
    assertNull(session.header("Access-Control-Allow-Origin"));
    Http.Reply noOrigin = new Http(stub.uri()).post("/discovery", ConstraintsTest.BODY).send();
    assertNull(noOrigin.header("Access-Control-Allow-Origin"));
  }

  @Test
  void keysEndpointsNeverCarryCors() {
    for (Http.Request request :
        new Http.Request[] {
          new Http(stub.uri()).get("/keys").header("Origin", ORIGIN),
          new Http(stub.uri()).get("/keys").header("Origin", ORIGIN).session(stub.server()),
          new Http(stub.uri()).delete("/keys/x").header("Origin", ORIGIN).session(stub.server()),
          new Http(stub.uri()).get("/nope").header("Origin", ORIGIN),
        }) {
      assertNull(request.send().header("Access-Control-Allow-Origin"));
    }
  }
}
