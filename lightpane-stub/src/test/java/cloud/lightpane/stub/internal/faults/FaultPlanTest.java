package cloud.lightpane.stub.internal.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which requests a rule hits, counted per rule over the requests to its endpoints. */
class FaultPlanTest {

  private static String pattern(FaultPlan plan, int requests) {
    StringBuilder hits = new StringBuilder();
    for (int i = 0; i < requests; i++) {
      hits.append(plan.next("POST", "/discovery").answer() != null ? 'x' : '.');
    }
    return hits.toString();
  }

  private static FaultPlan plan(long seed, String... specs) {
    List<FaultSpec> parsed = new ArrayList<>();
    for (String spec : specs) {
      parsed.add(FaultSpec.parse(spec));
    }
    return new FaultPlan(parsed, seed);
  }

  @Test
  void firstHitsTheFirstNAndEveryHitsEachNth() {
    assertEquals("xx......", pattern(plan(0, "status:503,first=2"), 8));
    assertEquals("..x..x..x", pattern(plan(0, "reset,every=3"), 9));
    assertEquals("xxxx", pattern(plan(0, "truncate"), 4));
  }

  @Test
  void otherEndpointsAndPreflightsAreNotCounted() {
    FaultPlan plan = plan(0, "status:503,first=1");
    assertNull(plan.next("GET", "/keys").answer());
    assertNull(plan.next("OPTIONS", "/discovery").answer());
    assertEquals(503, plan.next("POST", "/discovery").answer().status());
    FaultPlan keys = plan(0, "status:500,on=keys");
    assertNull(keys.next("POST", "/discovery").answer());
    assertEquals(500, keys.next("DELETE", "/keys/abc").answer().status());
    assertEquals(500, keys.next("GET", "/keys").answer().status());
  }

  @Test
  void aRateIsTheSameForTheSameSeedAndNearItsFraction() {
    String seven = pattern(plan(7, "status:503,rate=0.5"), 400);
    assertEquals(seven, pattern(plan(7, "status:503,rate=0.5"), 400));
    assertNotEquals(seven, pattern(plan(8, "status:503,rate=0.5"), 400));
    long hits = seven.chars().filter(c -> c == 'x').count();
    assertTrue(hits > 140 && hits < 260, hits + " of 400 at rate 0.5");
  }

  @Test
  void latenciesAddUpAndTheFirstOtherRuleAnswers() {
    FaultPlan plan =
        plan(0, "latency:200ms", "latency:1s,first=1", "status:429,first=1", "status:503");
    FaultPlan.Hit first = plan.next("POST", "/discovery");
    assertEquals(Duration.ofMillis(1200), first.latency());
    assertEquals(429, first.answer().status());
    FaultPlan.Hit second = plan.next("POST", "/discovery");
    assertEquals(Duration.ofMillis(200), second.latency());
    assertEquals(503, second.answer().status());
  }
}
