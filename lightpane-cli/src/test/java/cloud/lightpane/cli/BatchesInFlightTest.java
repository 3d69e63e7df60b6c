package cloud.lightpane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --batches-in-flight N} (env {@code LIGHTPANE_BATCHES_IN_FLIGHT}, profile key {@code
 * batches_in_flight}): a run the key's batch size splits into 8 batches has at most N of them at
 * the server at once, and prints its rows in request order whatever order the answers come in.
 *
 * <p>The fake server takes batches of at most 3 entries (so 24 regions are 8 batches once the
 * client has halved its way down from 24) and counts the batches it holds at once. No clock is
 * read: a batch is held until as many batches as the test expects have been there together (or all
 * those left to come are), and with {@code N = 1} it waits a while for a second one that must never
 * come. With {@code N > 1} the batch of the first regions is answered last, so the client has
 * answers out of order to sort.
 */
class BatchesInFlightTest {
  private static final int LIMIT = 3;
  private static final List<String> REGIONS =
      List.of(
          "us-east-1",
          "us-east-2",
          "us-west-1",
          "us-west-2",
          "af-south-1",
          "ap-east-1",
          "ap-south-1",
          "ap-south-2",
          "ap-southeast-1",
          "ap-southeast-2",
          "ap-southeast-3",
          "ap-southeast-4",
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ca-central-1",
          "ca-west-1",
          "eu-central-1",
          "eu-central-2",
          "eu-west-1",
          "eu-west-2",
          "eu-west-3",
          "eu-south-1",
          "eu-south-2");
  private static final int BATCHES = REGIONS.size() / LIMIT;

  @TempDir Path config;

  /** The fake's view of the batches it holds: how many now, and the most ever. */
  private static final class Gate {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final int together;
    private final long patienceMillis;
    private int held;
    private int most;
    private int answered;

    /**
     * @param together hold each batch until this many have been held at once (or all those left
     *     are)
     * @param patienceMillis how long a batch waits for the others before it is answered anyway
     */
    Gate(int together, long patienceMillis) {
      this.together = together;
      this.patienceMillis = patienceMillis;
    }

    FakeApi.Answer answer(String body) throws Exception {
      JsonNode services = ServerAnswers.JSON.readTree(body).get("services");
      if (services.size() > LIMIT) {
        return new FakeApi.Answer(400, "{\"error\":\"Batch size exceeds limit for this token\"}");
      }
      boolean first = services.get(0).get("region").asText().equals(REGIONS.get(0));
      lock.lock();
      try {
        held++;
        most = Math.max(most, held);
        changed.signalAll();
        long left = TimeUnit.MILLISECONDS.toNanos(patienceMillis);
        // Counts that only grow decide: "held" alone falls again before a waiter wakes.
        while (most < together && held < BATCHES - answered && left > 0) {
          left = changed.awaitNanos(left);
        }
        // The first batch goes last of its group: the client must keep the others' rows back.
        left = TimeUnit.MILLISECONDS.toNanos(patienceMillis);
        while (first && together > 1 && answered < together - 1 && left > 0) {
          left = changed.awaitNanos(left);
        }
        held--;
        answered++;
        changed.signalAll();
      } finally {
        lock.unlock();
      }
      return FakeApi.oneBucketPerRegion(services);
    }

    int most() {
      lock.lock();
      try {
        return most;
      } finally {
        lock.unlock();
      }
    }
  }

  private static String[] discover(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "discover",
                "s3",
                "-r",
                String.join(",", REGIONS),
                "-a",
                "bucket_name",
                "-o",
                "csv",
                "--no-header"));
    args.addAll(List.of(extra));
    return args.toArray(new String[0]);
  }

  /** The batch sizes the server saw, refused ones included. */
  private static List<Integer> sizes(FakeApi api) throws Exception {
    List<Integer> sizes = new ArrayList<>();
    for (String body : api.requests()) {
      sizes.add(ServerAnswers.JSON.readTree(body).get("services").size());
    }
    return sizes;
  }

  @Test
  void oneInFlightSendsTheBatchesOneAfterAnother() throws Exception {
    // Each batch waits 0.3 s for a second one: none may come.
    Gate gate = new Gate(2, 300);
    try (FakeApi api = new FakeApi(gate::answer)) {
      Cli.Result result =
          Cli.in(config)
              .env("LIGHTPANE_BASE_URL", api.url())
              .run(discover("--batches-in-flight", "1"));
      assertEquals(0, result.exit(), result.toString());
      assertEquals(FakeApi.oneBucketPerRegionCsv(REGIONS), result.out());
      assertEquals(1, gate.most(), "batches held at once");
      // 24, 12 and 6 refused, then eight batches of 3.
      assertEquals(List.of(24, 12, 6, 3, 3, 3, 3, 3, 3, 3, 3), sizes(api));
    }
  }

  @Test
  void fourInFlightHasFourAtTheServerAndNeverMore() throws Exception {
    // Generous patience: four batches arrive together long before it runs out.
    Gate gate = new Gate(4, 20_000);
    try (FakeApi api = new FakeApi(gate::answer)) {
      Cli.Result result =
          Cli.in(config)
              .env("LIGHTPANE_BASE_URL", api.url())
              .run(discover("--batches-in-flight", "4"));
      assertEquals(0, result.exit(), result.toString());
      assertEquals(FakeApi.oneBucketPerRegionCsv(REGIONS), result.out());
      assertEquals(4, gate.most(), "batches held at once");
      List<Integer> sizes = sizes(api);
      assertEquals(BATCHES, sizes.stream().filter(size -> size == LIMIT).count(), sizes.toString());
    }
  }

  @Test
  void theEnvironmentAndTheProfileSetItAndTheFlagWins() throws Exception {
    Cli.Result set = Cli.in(config).run("config", "set", "batches_in_flight", "2");
    assertEquals(0, set.exit(), set.toString());

    Gate fromProfile = new Gate(2, 20_000);
    try (FakeApi api = new FakeApi(fromProfile::answer)) {
      Cli.Result result = Cli.in(config).env("LIGHTPANE_BASE_URL", api.url()).run(discover());
      assertEquals(0, result.exit(), result.toString());
      assertEquals(FakeApi.oneBucketPerRegionCsv(REGIONS), result.out());
      assertEquals(2, fromProfile.most(), "from the profile");
    }

    Gate fromEnv = new Gate(3, 20_000);
    try (FakeApi api = new FakeApi(fromEnv::answer)) {
      Cli.Result result =
          Cli.in(config)
              .env("LIGHTPANE_BASE_URL", api.url())
              .env("LIGHTPANE_BATCHES_IN_FLIGHT", "3")
              .run(discover());
      assertEquals(0, result.exit(), result.toString());
      assertEquals(3, fromEnv.most(), "the environment over the profile");
    }

    Gate fromFlag = new Gate(2, 300);
    try (FakeApi api = new FakeApi(fromFlag::answer)) {
      Cli.Result result =
          Cli.in(config)
              .env("LIGHTPANE_BASE_URL", api.url())
              .env("LIGHTPANE_BATCHES_IN_FLIGHT", "3")
              .run(discover("--batches-in-flight", "1"));
      assertEquals(0, result.exit(), result.toString());
      assertEquals(1, fromFlag.most(), "the flag over the environment");
    }
  }

  @Test
  void aValueOutsideOneToSixteenIsAUsageError() {
    for (String bad : new String[] {"0", "17"}) {
      Cli.Result result = Cli.in(config).run(discover("--embedded", "--batches-in-flight", bad));
      assertEquals(2, result.exit(), result.toString());
      assertTrue(
          result
              .err()
              .startsWith(
                  "lightpane: batches_in_flight must be from 1 to 16 (from --batches-in-flight)\n"),
          result.err());
      assertEquals("", result.out());
    }
    Cli.Result word = Cli.in(config).run(discover("--embedded", "--batches-in-flight", "many"));
    assertEquals(2, word.exit(), word.toString());
    assertTrue(
        word.err()
            .contains(
                "batches_in_flight must be a whole number from 1 to 16, not 'many' (from"
                    + " --batches-in-flight)"),
        word.err());

    Cli.Result env =
        Cli.in(config).env("LIGHTPANE_BATCHES_IN_FLIGHT", "32").run(discover("--embedded"));
    assertEquals(2, env.exit(), env.toString());
    assertTrue(
        env.err()
            .startsWith(
                "lightpane: batches_in_flight must be from 1 to 16 (from"
                    + " LIGHTPANE_BATCHES_IN_FLIGHT)"),
        env.err());

    Cli.Result profile = Cli.in(config).run("config", "set", "batches_in_flight", "0");
    assertEquals(2, profile.exit(), profile.toString());
    assertTrue(profile.err().contains("batches_in_flight must be from 1 to 16"), profile.err());
  }
}
