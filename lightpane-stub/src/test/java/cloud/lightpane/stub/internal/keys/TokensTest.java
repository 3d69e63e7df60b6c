package cloud.lightpane.stub.internal.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokensTest {

  private static final String BODY_43 = "abcdefghijABCDEFGHIJ0123456789-_abcdefghijk";

  @ParameterizedTest
  @ValueSource(strings = {"csl_ak_", "csl_em_", "csl_dm_"})
  void aPrefixAnd43Base64UrlCharactersIsWellFormed(String prefix) {
    assertEquals(43, BODY_43.length());
    assertTrue(Tokens.wellFormed(prefix + BODY_43));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "csl_ak_abcdefghijABCDEFGHIJ0123456789-_abcdefghij",
        "csl_ak_abcdefghijABCDEFGHIJ0123456789-_abcdefghijkl",
        "csl_xx_abcdefghijABCDEFGHIJ0123456789-_abcdefghijk",
        "csl_ak_abcdefghijABCDEFGHIJ0123456789+/abcdefghijk",
        "Csl_ak_abcdefghijABCDEFGHIJ0123456789-_abcdefghijk",
        "csl_ak-abcdefghijABCDEFGHIJ0123456789-_abcdefghijk",
        "csl_ek_abcdefghijABCDEFGHIJ0123456789-_abcdefghijk",
        "csl_am_abcdefghijABCDEFGHIJ0123456789-_abcdefghijk",
        ""
      })
  void anythingElseIsNot(String token) {
    assertFalse(Tokens.wellFormed(token));
  }

  /** Each character just outside the ranges A-Z, a-z and 0-9, first, in the middle and last. */
  @ParameterizedTest
  @ValueSource(strings = {"@", "[", "`", "{", "/", ":", " ", ".", "=", "é"})
  void aCharacterOutsideBase64UrlAnywhereInTheRandomPartIsNot(String c) {
    assertFalse(Tokens.wellFormed("csl_ak_" + c + BODY_43.substring(1)));
    assertFalse(
        Tokens.wellFormed("csl_ak_" + BODY_43.substring(0, 20) + c + BODY_43.substring(21)));
    assertFalse(Tokens.wellFormed("csl_ak_" + BODY_43.substring(0, 42) + c));
  }

  @ParameterizedTest
  @ValueSource(strings = {"A", "Z", "a", "z", "0", "9", "-", "_"})
  void theEdgesOfEachRangeAreBase64Url(String c) {
    assertTrue(Tokens.wellFormed("csl_dm_" + BODY_43.substring(0, 42) + c));
    assertTrue(Tokens.wellFormed("csl_dm_" + c + BODY_43.substring(1)));
  }

  @Test
  void nullIsNotWellFormed() {
    assertFalse(Tokens.wellFormed(null));
  }

  @Test
  void aMaskKeepsThePrefixAndTheLastFourCharacters() {
    assertEquals("csl_em_...hijk", Tokens.mask("csl_em_" + BODY_43));
    // 11 characters is the shortest text that is masked rather than hidden
    assertEquals("csl_ak_...abcd", Tokens.mask("csl_ak_abcd"));
    assertEquals("***", Tokens.mask("csl_ak_abc"));
    assertEquals("***", Tokens.mask(null));
  }

  @Test
  void hashIsTheSha256OfTheUtf8Text() {
    // sha256("abc"), from FIPS 180-2 appendix B.1
    byte[] hash = Tokens.hash("abc");
    StringBuilder hex = new StringBuilder();
    for (byte b : hash) {
      hex.append(String.format("%02x", b));
    }
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hex.toString());
  }
}
