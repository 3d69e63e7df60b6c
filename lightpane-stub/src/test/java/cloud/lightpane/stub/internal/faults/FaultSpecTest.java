package cloud.lightpane.stub.internal.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.stub.internal.faults.FaultSpec.Kind;
import cloud.lightpane.stub.internal.faults.FaultSpec.Scope;
import cloud.lightpane.stub.internal.faults.FaultSpec.Trigger;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SPEC grammar: what each part means, and an error that names the wrong part. */
class FaultSpecTest {

  @Test
  void aStatusWithItsTriggerRetryAfterAndScope() {
    assertEquals(
        new FaultSpec(Kind.STATUS, 503, Duration.ZERO, Trigger.FIRST, 2, 0, 7, Scope.KEYS),
        FaultSpec.parse("status:503,first=2,retry-after=7,on=keys"));
  }

  @Test
  void theDefaultsAreEveryDiscoveryRequestAndNoRetryAfter() {
    assertEquals(
        new FaultSpec(Kind.RESET, 0, Duration.ZERO, Trigger.ALWAYS, 0, 0, -1, Scope.DISCOVERY),
        FaultSpec.parse("reset"));
  }

  @Test
  void durationsTakeMillisecondsSecondsAndMinutes() {
    assertEquals(Duration.ofMillis(200), FaultSpec.parse("latency:200ms").duration());
    assertEquals(Duration.ofMillis(1500), FaultSpec.parse("drip:1.5s").duration());
    assertEquals(Duration.ofMinutes(2), FaultSpec.parse("latency:2m,every=3").duration());
    FaultSpec rate = FaultSpec.parse("truncate, rate=0.25 ,on=all");
    assertEquals(Trigger.RATE, rate.trigger());
    assertEquals(0.25, rate.rate());
    assertEquals(Scope.ALL, rate.scope());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "bogus:1| unknown kind; use status:CODE, latency:DURATION, reset, truncate or"
            + " drip:DURATION",
        "status| status needs an HTTP status after ':'",
        "status:200| needs a whole number from 400 to 599, got '200'",
        "status:5o3| needs a whole number from 400 to 599, got '5o3'",
        "latency:200| needs a duration with a unit such as 200ms, 2s or 1m, got" + " '200'",
        "reset:5| reset takes no value",
        "status:503,first=0| 'first=0': needs a whole number of 1 or more, got '0'",
        "status:503,first=1,every=2| 'every=2': only one of first=N, every=N and rate=P",
        "status:503,rate=2| 'rate=2': rate needs a fraction above 0 and at most 1, such as 0.25,"
            + " got '2'",
        "status:500,retry-after=3| 'retry-after=3': retry-after goes only with status:429 or"
            + " status:503",
        "status:503,on=everything| 'on=everything': on= takes discovery, keys or all",
        "status:503,often| 'often': expected NAME=VALUE (first=N, every=N, rate=P, retry-after=S,"
            + " on=...)",
        "status:503,times=3| 'times=3': unknown option 'times'",
      })
  void aBadSpecNamesTheWrongPartAndTheGrammar(String spec, String problem) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FaultSpec.parse(spec));
    assertEquals(
        "bad fault '" + spec + "': " + problem.strip() + "; expected " + FaultSpec.GRAMMAR,
        e.getMessage());
    assertTrue(FaultSpec.GRAMMAR.startsWith("KIND[:VALUE][,first=N|,every=N|,rate=P]"));
  }
}
