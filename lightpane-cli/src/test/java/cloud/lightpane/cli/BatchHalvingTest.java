package cloud.lightpane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When a key's max_batch_size refuses a batch, the batch is halved (not shrunk by one) and the
 * smaller size kept: a run of 10 entries against a limit of 3 sends 10, 5, then batches of 2. Every
 * result arrives once, in the order asked.
 */
class BatchHalvingTest {
  private static final String[] REGIONS = {
    "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-north-1",
    "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ap-south-1"
  };

  @TempDir Path config;

  private static FakeApi.Answer answer(String body) throws Exception {
    JsonNode services = ServerAnswers.JSON.readTree(body).get("services");
    if (services.size() > 3) {
      return new FakeApi.Answer(400, "{\"error\":\"Batch size exceeds limit for this token\"}");
    }
    return FakeApi.oneBucketPerRegion(services);
  }

  @Test
  void aRefusedBatchIsHalvedAndEveryResultArrivesOnceInOrder() throws Exception {
    try (FakeApi api = new FakeApi(BatchHalvingTest::answer)) {
      Cli.Result result =
          Cli.in(config)
              .env("LIGHTPANE_BASE_URL", api.url())
              .run(
                  "discover",
                  "s3",
                  "-r",
                  String.join(",", REGIONS),
                  "-a",
                  "bucket_name",
                  "-o",
                  "csv",
                  "--no-header");
      assertEquals(0, result.exit(), result.toString());

      List<Integer> sizes = new ArrayList<>();
      for (String body : api.requests()) {
        sizes.add(ServerAnswers.JSON.readTree(body).get("services").size());
      }
      // 10 refused; 5 refused. The second 5 went out at the same time only if the pool's thread
      // started it before the first refusal came back (then it is refused too, and dropped
      // unread); a batch not yet started when a refusal arrives is never sent. Then 2 at a time.
      List<Integer> expected =
          sizes.size() == 8 ? List.of(10, 5, 5, 2, 2, 2, 2, 2) : List.of(10, 5, 2, 2, 2, 2, 2);
      assertEquals(expected, sizes);

      assertEquals(FakeApi.oneBucketPerRegionCsv(List.of(REGIONS)), result.out());
    }
  }
}
