package cloud.lightpane.stub.internal.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Access key tokens: the type's prefix and 32 random bytes in unpadded base64url (43 characters),
 * 50 characters in all. Only their SHA-256 is ever kept.
 */
public final class Tokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern SHAPE = Pattern.compile("csl_(ak|em|dm)_[A-Za-z0-9_-]{43}");

  private Tokens() {}

  /** A new random token of this type. */
  public static String generate(GrantType type) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return type.prefix() + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether the text has the shape of a token (prefix, 43 base64url characters). */
  public static boolean wellFormed(String token) {
    return token != null && SHAPE.matcher(token).matches();
  }

  /** The SHA-256 of a token. */
  public static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** The masked form shown in records and logs: prefix, {@code ...}, last four characters. */
  public static String mask(String token) {
    if (token == null || token.length() < 11) {
      return "***";
    }
    String prefix = GrantType.ofToken(token).map(GrantType::prefix).orElse("");
    return prefix + "..." + token.substring(token.length() - 4);
  }
}
