package cloud.lightpane.stub.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionsAndBearerTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void aSessionLivesEightHoursFromItsCreation() {
    Sessions sessions = new Sessions();
    String cookie = sessions.create(T0);
    assertTrue(sessions.valid(cookie, T0));
    assertTrue(sessions.valid(cookie, T0.plus(Duration.ofHours(8)).minusMillis(1)));
    assertFalse(sessions.valid(cookie, T0.plus(Duration.ofHours(8))));
  }

  @Test
  void aCookieFromAnotherServerOrWithAChangedSignatureIsRefused() {
    Sessions ours = new Sessions();
    Sessions theirs = new Sessions();
    String cookie = theirs.create(T0);
    assertFalse(ours.valid(cookie, T0));
    String mine = ours.create(T0);
    String id = mine.substring(0, mine.indexOf('.'));
    assertFalse(ours.valid(id + ".AAAA", T0));
    assertFalse(ours.valid(id, T0));
    assertFalse(ours.valid(null, T0));
  }

  @Test
  void aSignatureThatIsNotBase64urlIsRefused() {
    Sessions sessions = new Sessions();
    String cookie = sessions.create(T0);
    String id = cookie.substring(0, cookie.indexOf('.'));
    // '*' is in no Base64 alphabet: the decoder refuses it, and so does the check.
    assertFalse(sessions.valid(id + ".not*base64", T0));
    assertFalse(sessions.validInCookieHeaders(List.of("lightpane_session=" + id + ".*"), T0));
  }

  @Test
  void twoSessionsGetDifferentCookies() {
    Sessions sessions = new Sessions();
    assertNotEquals(sessions.create(T0), sessions.create(T0));
  }

  @Test
  void theSessionCookieIsFoundAmongOthersQuotedOrNot() {
    Sessions sessions = new Sessions();
    String cookie = sessions.create(T0);
    assertTrue(sessions.validInCookieHeaders(List.of("a=b; lightpane_session=" + cookie), T0));
    assertTrue(
        sessions.validInCookieHeaders(List.of("x=1", "lightpane_session=\"" + cookie + "\""), T0));
    assertFalse(sessions.validInCookieHeaders(List.of("other_session=" + cookie), T0));
    assertFalse(sessions.validInCookieHeaders(List.of("lightpane_session=\"" + cookie), T0));
    assertFalse(sessions.validInCookieHeaders(null, T0));
  }

  @Test
  void theBearerSchemeIsCaseInsensitiveWithOneSpace() {
    assertEquals(Optional.of("csl_ak_x"), Authenticator.bearerToken(List.of("Bearer csl_ak_x")));
    assertEquals(Optional.of("csl_ak_x"), Authenticator.bearerToken(List.of("bEARER csl_ak_x")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Bearer ",
        "Bearer",
        "Basic abc",
        "Bearer a b",
        "Bearer ab\t",
        "Bearer a\u0001",
        "Bearer a\u007f",
        "Bearer a\u0085b",
        "Bearer a\u2003b"
      })
  void aMalformedAuthorizationGivesNoToken(String header) {
    assertEquals(Optional.empty(), Authenticator.bearerToken(List.of(header)));
  }

  /** The token's own check (Tokens.wellFormed) refuses these later; the header's shape is fine. */
  @ParameterizedTest
  @ValueSource(strings = {"!x~", "caf\u00e9", "a\u00a0b"})
  void visibleCharactersOutsideATokenStillMakeAToken(String token) {
    assertEquals(Optional.of(token), Authenticator.bearerToken(List.of("Bearer " + token)));
  }

  @Test
  void twoAuthorizationHeadersGiveNoToken() {
    assertEquals(
        Optional.empty(), Authenticator.bearerToken(List.of("Bearer csl_ak_x", "Bearer csl_ak_y")));
  }
}
