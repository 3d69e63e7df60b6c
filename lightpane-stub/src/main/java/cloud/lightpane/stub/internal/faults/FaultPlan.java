package cloud.lightpane.stub.internal.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Which requests the {@code --fault} rules hit. Each rule counts the requests to its endpoints
 * (CORS preflights left out) in the order they arrive: {@code first=N} hits the first N, {@code
 * every=N} the Nth, 2Nth..., {@code rate=P} each with probability P from a generator seeded by
 * {@code --fault-seed} and the rule's place, so the same sequence of requests meets the same faults
 * on every run. Thread-safe.
 */
public final class FaultPlan {

  private final List<Rule> rules = new ArrayList<>();

  /** The rules, in the order given, with this seed for their {@code rate=P}. */
  public FaultPlan(List<FaultSpec> specs, long seed) {
    for (int i = 0; i < specs.size(); i++) {
      rules.add(new Rule(specs.get(i), new SplittableRandom(seed + 0x9E3779B97F4A7C15L * i)));
    }
  }

  /** Whether there is no rule at all. */
  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /**
   * What happens to the next request: the sum of the latencies of the rules that hit it and the
   * first other rule that hits it (status, reset, truncate or drip), if any.
   */
  public synchronized Hit next(String method, String path) {
    Duration latency = Duration.ZERO;
    FaultSpec answer = null;
    if (method.equals("OPTIONS")) {
      return new Hit(latency, null);
    }
    for (Rule rule : rules) {
      if (rule.spec.scope().covers(path) && rule.hits()) {
        if (rule.spec.kind() == FaultSpec.Kind.LATENCY) {
          latency = latency.plus(rule.spec.duration());
        } else if (answer == null) {
          answer = rule.spec;
        }
      }
    }
    return new Hit(latency, answer);
  }

  /**
   * What the faults do to one request.
   *
   * @param latency how long to wait before handling it (zero: none)
   * @param answer the fault that spoils its answer, or null
   */
  public record Hit(Duration latency, FaultSpec answer) {}

  private static final class Rule {
    final FaultSpec spec;
    final SplittableRandom random;
    long seen;

    Rule(FaultSpec spec, SplittableRandom random) {
      this.spec = spec;
      this.random = random;
    }

    boolean hits() {
      seen++;
      return switch (spec.trigger()) {
        case ALWAYS -> true;
        case FIRST -> seen <= spec.count();
        case EVERY -> seen % spec.count() == 0;
        case RATE -> random.nextDouble() < spec.rate();
      };
    }
  }
}
