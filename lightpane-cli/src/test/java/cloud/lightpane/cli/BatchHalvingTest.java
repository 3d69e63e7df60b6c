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
      // 10 refused; 5 and 5, sent at once, both refused (the second is dropped unread and waited
      // for before the smaller batches go); then 2 at a time.
      assertEquals(List.of(10, 5, 5, 2, 2, 2, 2, 2), sizes);

      assertEquals(FakeApi.oneBucketPerRegionCsv(List.of(REGIONS)), result.out());
    }
  }
}
