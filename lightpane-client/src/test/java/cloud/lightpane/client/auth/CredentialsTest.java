package cloud.lightpane.client.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialsTest {
  static final String KEY = "csl_ak_blLVabSkirXx10DYSOjOQcbD1khOsD7pYMQhb92D4Oc";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "csl_ak_blLVabSkirXx10DYSOjOQcbD1khOsD7pYMQhb92D4Oc",
        "csl_em_ofSmIG69KyGnPvTyoXOax7P9UsuNILgqLcJ4BQR7iys",
        "csl_dm_ofSmIG69KyGnPvTyoXOax7P9UsuNILgqLcJ4BQR7iys"
      })
  void everyKeyTypeIsAccepted(String token) {
    Credentials c = Credentials.apiKey(token);
    assertEquals(Credentials.Kind.API_KEY, c.kind());
    assertEquals(token, c.reveal());
    assertFalse(c.toString().contains(token));
  }

  @Test
  void aMalformedKeyIsRefusedWithAMessageThatNamesTheProblemButNotTheKey() {
    String[][] cases = {
      {KEY + "\n", "contains a line break at position 51 of 51 (a trailing newline"},
      {KEY.substring(0, 20) + " " + KEY.substring(20), "contains whitespace at position 21"},
      {"abc_ak_" + KEY.substring(7), "does not start with csl_ak_, csl_em_ or csl_dm_"},
      {"", "is empty"},
      {"csl_ak_", "has a prefix but nothing after it"},
      {"csl_ak_abc$def", "contains a character that is not allowed in a token (position 11)"},
    };
    for (String[] c : cases) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Credentials.apiKey(c[0]));
      assertTrue(e.getMessage().contains(c[1]), e.getMessage());
      if (c[0].length() > 10) {
        assertFalse(e.getMessage().contains(c[0].strip().substring(7)), e.getMessage());
      }
    }
    assertThrows(IllegalArgumentException.class, () -> Credentials.apiKey(null));
  }

  @Test
  void sessionAcceptsTheValueOrTheNameValuePair() {
    assertEquals("abc.def", Credentials.session("abc.def").reveal());
    assertEquals("abc.def", Credentials.session("lightpane_session=abc.def").reveal());
    assertEquals(Credentials.Kind.SESSION, Credentials.session("abc.def").kind());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Credentials.session("lightpane_session=abc.def; other=1"));
    assertEquals(
        "Session cookie looks like a whole Cookie header: give only the value of"
            + " lightpane_session (or lightpane_session=<value>).",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Credentials.session("lightpane_session="));
    assertThrows(IllegalArgumentException.class, () -> Credentials.session("abc\n"));
  }

  @Test
  void theDefaultChainPrefersTheKeyThenTheSessionThenNobody() {
    assertEquals(
        Credentials.Kind.API_KEY,
        Credentials.fromEnvironment(Map.of("LIGHTPANE_API_KEY", KEY, "LIGHTPANE_SESSION", "s.x"))
            .kind());
    assertEquals(
        Credentials.Kind.SESSION,
        Credentials.fromEnvironment(Map.of("LIGHTPANE_API_KEY", "", "LIGHTPANE_SESSION", "s.x"))
            .kind());
    assertEquals(Credentials.anonymous(), Credentials.fromEnvironment(Map.of()));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Credentials.fromEnvironment(Map.of("LIGHTPANE_API_KEY", KEY + "\n")));
    assertTrue(
        e.getMessage().startsWith("LIGHTPANE_API_KEY contains a line break"), e.getMessage());
    assertFalse(e.getMessage().contains(KEY));
  }

  @Test
  void maskKeepsThePrefixAndTheLastFourCharacters() {
    assertEquals("csl_ak_...D4Oc", Credentials.mask(KEY));
    assertEquals("...wxyz", Credentials.mask("abcdefghijklmnopqrstuvwxyz"));
    assertEquals("****", Credentials.mask("short"));
    assertNull(Credentials.mask(null));
    assertEquals("Credentials[API_KEY, csl_ak_...D4Oc]", Credentials.apiKey(KEY).toString());
    assertEquals("Credentials[ANONYMOUS, anonymous]", Credentials.anonymous().toString());
  }

  @Test
  void maskKeepsAPrefixOnlyWithTwelveCharactersAfterIt() {
    assertEquals("csl_em_...9abc", Credentials.mask("csl_em_" + "123456789abc"));
    // Eleven after the prefix: 18 characters, masked as any other long value.
    assertEquals("...9abc", Credentials.mask("csl_dm_" + "23456789abc"));
    assertEquals("...mnop", Credentials.mask("abcdefghijklmnop"));
    assertEquals("****", Credentials.mask("abcdefghijklmno"));
  }

  @Test
  void everyBase64urlCharacterIsAcceptedAndItsNeighboursAreNot() {
    assertEquals("csl_ak_...wxyz", Credentials.apiKey("csl_ak_AZaz09-_=wxyz").masked());
    for (char next : new char[] {'@', '[', '`', '{', '/', ':', '+', '.'}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> Credentials.apiKey("csl_ak_abc" + next + "defghijklmnop"));
      assertEquals(
          "API key contains a character that is not allowed in a token (position 11): tokens are"
              + " base64url after their prefix. Copy the key again.",
          e.getMessage(),
          "character " + next);
    }
  }

  @Test
  void aSessionCookieMayHoldATildeButNothingPastIt() {
    assertEquals("lightpane_session=****", Credentials.session("abc~def").masked());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Credentials.session("abc\u007fdef"));
    assertEquals(
        "Session cookie contains a control or non-ASCII character at position 4: copy it again.",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Credentials.session("ab\u00e9"));
    assertEquals(
        "Session cookie contains a control or non-ASCII character at position 3: copy it again.",
        e.getMessage());
  }

  @Test
  void aSessionCookieStartingWithASemicolonOrNamedWithoutAValueIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Credentials.session(";abc"));
    assertTrue(e.getMessage().contains("looks like a whole Cookie header"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> Credentials.session("lightpane_session="));
    assertEquals("Session cookie has the name lightpane_session but no value.", e.getMessage());
  }

  @Test
  void credentialsAreEqualOnlyWithTheSameKindAndSecret() {
    assertEquals(Credentials.apiKey(KEY), Credentials.apiKey(KEY));
    assertEquals(Credentials.apiKey(KEY).hashCode(), Credentials.apiKey(KEY).hashCode());
    assertFalse(Credentials.apiKey(KEY).equals(Credentials.session(KEY.substring(7))));
    assertFalse(Credentials.session("abcdefgh").equals(Credentials.session("abcdefgi")));
    assertFalse(Credentials.anonymous().equals("anonymous"));
  }

  @Test
  void aSessionCookieValueMayHoldNoCommaQuoteOrBackslash() {
    for (char bad : new char[] {',', '"', '\\'}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> Credentials.session("abc" + bad + "def"));
      assertEquals(
          "Session cookie contains '"
              + bad
              + "', which cannot be part of a cookie value: give only the value of"
              + " lightpane_session (or lightpane_session=<value>), not a whole Cookie header.",
          e.getMessage());
    }
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Credentials.fromEnvironment(Map.of("LIGHTPANE_SESSION", "lightpane_session=a,b")));
    assertTrue(e.getMessage().startsWith("LIGHTPANE_SESSION contains ','"), e.getMessage());
  }

  @Test
  void theSourceNamesWhereTheCredentialCameFromAndNeverTheSecret() {
    assertEquals("API key", Credentials.apiKey(KEY).source());
    assertEquals("Session cookie", Credentials.session("abc.def").source());
    assertEquals(
        "LIGHTPANE_API_KEY",
        Credentials.fromEnvironment(Map.of("LIGHTPANE_API_KEY", KEY)).source());
    assertEquals(
        "LIGHTPANE_SESSION",
        Credentials.fromEnvironment(Map.of("LIGHTPANE_SESSION", "abc.def")).source());
    assertEquals("anonymous", Credentials.anonymous().source());
  }
}
