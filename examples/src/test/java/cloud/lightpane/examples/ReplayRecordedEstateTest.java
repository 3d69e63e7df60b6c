package cloud.lightpane.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.lightpane.client.LightPaneClient;
import cloud.lightpane.client.auth.Credentials;
import cloud.lightpane.stub.StubServer;
import cloud.lightpane.stub.junit.LightPaneStub;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A recorded estate replayed in a test: {@code estate.jsonl} was written by {@code lightpane
 * discover s3 -r eu-west-2,us-east-1 --embedded -o jsonl}, then {@code lightpane redact - --columns
 * bucket_name --salt examples}, and committed. The server serves those rows back; the code under
 * test ({@link BucketAudit}) runs against them with the real client.
 */
@LightPaneStub(fixtures = "src/test/resources/estate.jsonl")
public class ReplayRecordedEstateTest {

  @Test
  void theAuditFindsTheRecordedUnversionedBuckets(StubServer server) {
    try (LightPaneClient client =
        LightPaneClient.builder()
            .baseUrl(server.uri())
            .credentials(Credentials.anonymous())
            .build()) {
      // The two buckets recorded with versioning "Suspended" in eu-west-2, by their pseudonyms.
      assertEquals(
          List.of("anon_3835fd9ce737605b", "anon_cd3d9e5d2b4ac488"),
          new BucketAudit(client).unversionedBuckets("eu-west-2"));
      // A region the recording does not have is empty, not an error.
      assertEquals(List.of(), new BucketAudit(client).unversionedBuckets("eu-west-1"));
    }
  }
}
