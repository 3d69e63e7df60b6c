package cloud.lightpane.cli.diff;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stable pseudonyms: {@code anon_} and the first 64 bits, in hex, of the HMAC-SHA-256 of a value
 * keyed with the salt. The same value and salt always give the same pseudonym (so redacted
 * snapshots still diff and join), and without the salt a pseudonym cannot be checked against a
 * guessed value.
 */
final class Pseudonyms {
  /** What every pseudonym starts with, so that it reads as one. */
  static final String PREFIX = "anon_";

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private final Mac mac;

  Pseudonyms(String salt) {
    try {
      mac = Mac.getInstance("HmacSHA256");
      // A fixed prefix keeps the key non-empty (an empty salt is allowed) and ties it to this use.
      byte[] key = ("lightpane-redact:" + salt).getBytes(StandardCharsets.UTF_8);
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This Java has no HmacSHA256", e);
    }
  }

  /** The pseudonym of {@code value}: a string's text, or the JSON text of any other value. */
  String of(String value) {
    byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    char[] text = new char[PREFIX.length() + 16];
    PREFIX.getChars(0, PREFIX.length(), text, 0);
    for (int i = 0; i < 8; i++) {
      text[PREFIX.length() + 2 * i] = HEX[(digest[i] >> 4) & 0xf];
      text[PREFIX.length() + 2 * i + 1] = HEX[digest[i] & 0xf];
    }
    return new String(text);
  }
}
