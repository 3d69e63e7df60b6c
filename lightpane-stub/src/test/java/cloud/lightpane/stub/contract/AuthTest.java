package cloud.lightpane.stub.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.stub.Http;
import cloud.lightpane.stub.KeySpec;
import cloud.lightpane.stub.MintedKey;
import cloud.lightpane.stub.MutableClock;
import cloud.lightpane.stub.RawHttp;
import cloud.lightpane.stub.StubServer;
import cloud.lightpane.stub.junit.LightPaneStubExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Authentication: sessions, bearer forms, revocation, expiry (with a clock the test moves). */
class AuthTest {

  static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-15T10:00:00Z"));

  @RegisterExtension
  static LightPaneStubExtension stub = LightPaneStubExtension.configure(b -> b.clock(CLOCK));

  private static final String BODY =
      "{\"services\": [{\"service\": \"ec2\", \"provider\": \"aws\", \"region\": \"eu-west-2\"}]}";

  private Http http() {
    return new Http(stub.uri());
  }

  @Test
  void anonymousCallersSeeTheDemoButNotKeys() {
    assertEquals(200, http().post("/discovery", BODY).send().status());
    Http.Reply keys = http().get("/keys").send();
    assertEquals(401, keys.status());
    assertEquals("Session required", keys.error());
  }

  @Test
  void sessionCookieOpensKeys(StubServer server) {
    assertEquals(200, http().get("/keys").session(server).send().status());
    // Among other cookies, quoted or not.
    Http.Reply other =
        http()
            .get("/keys")
            .header("Cookie", "theme=dark; " + server.sessionCookieHeader() + "; x=1")
            .send();
    assertEquals(200, other.status());
  }

  @Test
  void bearerKeysCannotManageKeys() {
    MintedKey key = stub.mintKey(KeySpec.apiKey("no keys"));
    Http.Reply reply = http().get("/keys").bearer(key.token()).send();
    assertEquals(401, reply.status());
    assertEquals("Session required", reply.error());
  }

  @Test
  void invalidCookieFallsThroughToTheBearerOrAnonymous(StubServer server) {
    String forged =
        server.sessionCookie().substring(0, server.sessionCookie().indexOf('.')) + ".AAAA";
    assertEquals(
        200,
        http()
            .post("/discovery", BODY)
            .header("Cookie", "lightpane_session=" + forged)
            .send()
            .status());
    assertEquals(
        401, http().get("/keys").header("Cookie", "lightpane_session=" + forged).send().status());
    Http.Reply withBadBearer =
        http()
            .post("/discovery", BODY)
            .header("Cookie", "lightpane_session=garbage")
            .bearer("csl_ak_" + "A".repeat(43))
            .send();
    assertEquals(401, withBadBearer.status());
    assertEquals("Invalid or expired token", withBadBearer.error());
  }

  @Test
  void validSessionWinsOverABadBearer(StubServer server) {
    Http.Reply reply =
        http().post("/discovery", BODY).session(server).header("Authorization", "Basic x").send();
    assertEquals(200, reply.status());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Basic dXNlcjpwYXNz",
        "Bearer",
        "Bearer ",
        "Token csl_ak_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "csl_ak_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "Bearer csl_ak_short",
        "Bearer csl_xx_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "Bearer csl_ak_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      })
  void refusesEveryOtherAuthorizationForm(String value) {
    Http.Reply reply = http().post("/discovery", BODY).header("Authorization", value).send();
    assertEquals(401, reply.status(), value);
    assertEquals("Invalid or expired token", reply.error());
  }

  @Test
  void schemeIsCaseInsensitiveButSpacingIsExact() {
    MintedKey key = stub.mintKey(KeySpec.apiKey("forms"));
    assertEquals(
        200,
        http()
            .post("/discovery", BODY)
            .header("Authorization", "bearer " + key.token())
            .send()
            .status());
    assertEquals(
        200,
        http()
            .post("/discovery", BODY)
            .header("Authorization", "BEARER " + key.token())
            .send()
            .status());
    // Two spaces or a token with whitespace: raw socket, java.net.http trims values. (A tab is
    // turned into a space by the JDK server before the handler sees it: see reference-server.md.)
    for (String value : new String[] {"Bearer  " + key.token(), "Bearer " + key.token() + " x"}) {
      RawHttp.Exchange reply =
          RawHttp.send(
              stub.uri(),
              "POST /discovery HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n"
                  + "Authorization: "
                  + value
                  + "\r\nContent-Length: "
                  + BODY.length()
                  + "\r\n\r\n"
                  + BODY,
              5000);
      assertEquals(401, reply.status(), value.replace(key.token(), "<token>"));
      assertTrue(reply.body().contains("Invalid or expired token"));
    }
  }

  @Test
  void revokedKeysAnswerTokenRevokedAndStayListed(StubServer server) {
    MintedKey key = stub.mintKey(KeySpec.apiKey("to revoke"));
    assertEquals(200, http().post("/discovery", BODY).bearer(key.token()).send().status());
    Http.Reply revoked = http().delete("/keys/" + key.grantId()).session(server).send();
    assertEquals(200, revoked.status());
    assertTrue(revoked.json().at("/grant/revoked").asBoolean());
    Http.Reply again = http().delete("/keys/" + key.grantId()).session(server).send();
    assertEquals(200, again.status());
    assertEquals(revoked.json(), again.json());

    Http.Reply reply = http().post("/discovery", BODY).bearer(key.token()).send();
    assertEquals(401, reply.status());
    assertEquals("Token revoked", reply.error());
    JsonNode listed = find(http().get("/keys").session(server).send().json(), key.grantId());
    assertTrue(listed.get("revoked").asBoolean());
  }

  @Test
  void expiryFollowsTheClockAndRevocationWinsOverExpiry(StubServer server) {
    MintedKey expiring = stub.mintKey(KeySpec.apiKey("one day").expiresInDays(1));
    MintedKey both = stub.mintKey(KeySpec.apiKey("revoked and expired").expiresInDays(1));
    MintedKey demo = stub.mintKey(KeySpec.demo("forever"));
    server.revokeKey(both.grantId());
    CLOCK.advance(Duration.ofDays(1).minusSeconds(1));
    assertEquals(200, http().post("/discovery", BODY).bearer(expiring.token()).send().status());
    CLOCK.advance(Duration.ofSeconds(1));
    try {
      Http.Reply expired = http().post("/discovery", BODY).bearer(expiring.token()).send();
      assertEquals(401, expired.status());
      assertEquals("Invalid or expired token", expired.error());
      assertEquals(
          "Token revoked", http().post("/discovery", BODY).bearer(both.token()).send().error());
      assertEquals(200, http().post("/discovery", BODY).bearer(demo.token()).send().status());
    } finally {
      CLOCK.advance(Duration.ofHours(-24));
    }
  }

  @Test
  void sessionsLastEightHoursFromCreation(StubServer server) {
    CLOCK.advance(Duration.ofHours(8).minusSeconds(1));
    try {
      assertEquals(200, http().get("/keys").session(server).send().status());
      CLOCK.advance(Duration.ofSeconds(1));
      assertEquals(401, http().get("/keys").session(server).send().status());
      // An expired session is ignored: discovery goes on anonymously.
      assertEquals(200, http().post("/discovery", BODY).session(server).send().status());
    } finally {
      CLOCK.advance(Duration.ofHours(-8));
    }
  }

  @Test
  void lastUsedAtIsSetByEveryAuthenticatedRequestWhateverItsOutcome(StubServer server) {
    MintedKey key = stub.mintKey(KeySpec.apiKey("usage").allowedServices("s3"));
    assertTrue(
        find(http().get("/keys").session(server).send().json(), key.grantId())
            .get("last_used_at")
            .isNull());
    CLOCK.advance(Duration.ofSeconds(30));
    try {
      Http.Reply denied = http().post("/discovery", BODY).bearer(key.token()).send();
      assertEquals(403, denied.status());
      JsonNode record = find(http().get("/keys").session(server).send().json(), key.grantId());
      assertEquals("2026-03-15T10:00:30Z", record.get("last_used_at").asText());
    } finally {
      CLOCK.advance(Duration.ofSeconds(-30));
    }
  }

  @Test
  void noRawTokenInListings(StubServer server) {
    MintedKey key = stub.mintKey(KeySpec.apiKey("secret"));
    String listing = http().get("/keys").session(server).send().body();
    assertFalse(listing.contains(key.token()));
    assertFalse(key.toString().contains(key.token().substring(7, 40)));
    assertNotNull(find(http().get("/keys").session(server).send().json(), key.grantId()));
  }

  static JsonNode find(JsonNode listing, String grantId) {
    for (JsonNode grant : listing.get("grants")) {
      if (grant.get("grant_id").asText().equals(grantId)) {
        return grant;
      }
    }
    throw new AssertionError("grant " + grantId + " not listed");
  }
}
