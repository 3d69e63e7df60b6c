package cloud.lightpane.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.client.auth.Credentials;
import cloud.lightpane.client.internal.exchange.RetryAfter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterAndSecretsTest {
  private final Clock clock = Clock.fixed(Instant.parse("2026-03-28T14:30:00Z"), ZoneOffset.UTC);

  @Test
  void retryAfterReadsSecondsAndHttpDates() {
    assertEquals(Duration.ofSeconds(7), RetryAfter.parse("7", clock));
    assertEquals(Duration.ofMillis(1500), RetryAfter.parse(" 1.5 ", clock));
    assertEquals(Duration.ZERO, RetryAfter.parse("-3", clock));
    assertEquals(Duration.ofSeconds(90), RetryAfter.parse("Sat, 28 Mar 2026 14:31:30 GMT", clock));
    assertEquals(Duration.ZERO, RetryAfter.parse("Sat, 28 Mar 2026 14:00:00 GMT", clock));
    assertNull(RetryAfter.parse("soon", clock));
    assertNull(RetryAfter.parse(null, clock));
  }

  @Test
  void secretsAreMaskedWhereverTheyHide() {
    String text =
        "Bearer csl_ak_blLVabSkirXx10DYSOjOQcbD1khOsD7pYMQhb92D4Oc; lightpane_session=abcdefghijklmnop.qrstuvwxyz0123 "
            + "Authorization: bearer sometokenvalue1234567";
    assertEquals(
        "Bearer csl_ak_...D4Oc; lightpane_session=...0123 Authorization: bearer ...4567",
        Secrets.redact(text, null));
  }

  @Test
  void retryAfterKeepsTheSizeOfAnyNumberOfSeconds() {
    assertEquals(Duration.ofSeconds(7), RetryAfter.parse("007", clock));
    assertEquals(Duration.ZERO, RetryAfter.parse("0.000", clock));
    assertEquals(Duration.ZERO, RetryAfter.parse("-0", clock));
    assertEquals(Duration.ofMillis(1), RetryAfter.parse("0.001", clock));
    assertEquals(
        Duration.ofSeconds(9_300_000_000_000_000L), RetryAfter.parse("9300000000000000", clock));
    assertEquals(
        Duration.ofSeconds(999_999_999_999_999_999L),
        RetryAfter.parse("999999999999999999", clock));
    assertEquals(
        Duration.ofSeconds(Long.MAX_VALUE - 1), RetryAfter.parse("9223372036854775806", clock));
    assertEquals(RetryAfter.LONGEST, RetryAfter.parse("9223372036854775807", clock));
    assertEquals(RetryAfter.LONGEST, RetryAfter.parse("9223372036854775808", clock));
    assertEquals(RetryAfter.LONGEST, RetryAfter.parse("10000000000000000000", clock));
    assertEquals(
        RetryAfter.LONGEST, RetryAfter.parse("00000000000000000000009223372036854775807", clock));
  }

  @Test
  void aFractionFinerThanANanosecondWaitsOneNanosecondMore() {
    assertEquals(Duration.ofSeconds(1, 123_456_789), RetryAfter.parse("1.123456789", clock));
    assertEquals(Duration.ofSeconds(1, 1), RetryAfter.parse("1.0000000001", clock));
    assertEquals(Duration.ofSeconds(1), RetryAfter.parse("1.0000000000", clock));
    assertEquals(Duration.ofSeconds(1, 500_000_000), RetryAfter.parse("1.5", clock));
  }

  @Test
  void theClientsOwnSecretIsMaskedWhateverItsShape() {
    Credentials session = Credentials.session("abcdefghijklmnopqrstu");
    assertEquals(
        "echoed ...rstu back", Secrets.redact("echoed abcdefghijklmnopqrstu back", session));
    assertEquals("nothing here", Secrets.redact("nothing here", session));
    assertEquals("nothing here", Secrets.redact("nothing here", Credentials.anonymous()));
    assertNull(Secrets.redact(null, session));
  }

  @Test
  void loopbackIsALiteralLoopbackAddressOrLocalhostAndNothingResolved() {
    for (String yes : new String[] {"localhost", "LocalHost", "127.0.0.1", "127.1.2.3", "[::1]"}) {
      assertTrue(Loopback.isLoopback(yes), yes);
    }
    for (String no :
        new String[] {
          "localhost.evil.example",
          "127.evil.example",
          "app.localhost",
          "10.0.0.1",
          "[::2]",
          "128.0.0.1",
          "[not-an-address]",
          "0177.0.0.1.example",
          // Bracketed like IPv6 literals but not addresses: refused unresolved, never loopback.
          "[:::]",
          "[1:2:3:4:5:6:7:8:9]"
        }) {
      assertFalse(Loopback.isLoopback(no), no);
    }
  }
}
