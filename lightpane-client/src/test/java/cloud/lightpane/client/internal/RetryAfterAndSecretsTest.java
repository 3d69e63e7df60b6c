package cloud.lightpane.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
}
