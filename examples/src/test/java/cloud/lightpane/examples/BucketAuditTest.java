package cloud.lightpane.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.lightpane.client.LightPaneClient;
import cloud.lightpane.client.auth.Credentials;
import cloud.lightpane.stub.StubServer;
import cloud.lightpane.stub.inventory.Inventory;
import cloud.lightpane.stub.junit.LightPaneStubExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How a user tests their own LightPane code: the extension starts a reference server for the class,
 * serving fixture rows the test wrote, and the code under test talks to it over real HTTP with the
 * real client. The expected answer is written out, not computed.
 */
class BucketAuditTest {
  private static final String BUCKETS =
      """
      {"rows": [
        {"region": "eu-west-2", "values": {"bucket_name": "logs", "versioning_status": "Enabled"}},
        {"region": "eu-west-2", "values": {"bucket_name": "tmp", "versioning_status": "Suspended"}},
        {"region": "eu-west-2", "values": {"bucket_name": "raw"}},
        {"region": "eu-west-2", "values": {"bucket_name": "web", "versioning_status": "enabled"}},
        {"region": "us-east-1", "values": {"bucket_name": "far", "versioning_status": "Suspended"}},
        {"region": "eu-west-2", "values": {"bucket_name": "old", "versioning_status": ""}}
      ]}
      """;

  @RegisterExtension
  static LightPaneStubExtension stub =
      LightPaneStubExtension.configure(server -> server.inventory(fixtures()));

  private static Inventory fixtures() {
    try {
      Path dir = Files.createTempDirectory("bucket-audit");
      dir.toFile().deleteOnExit();
      Path file = Files.writeString(dir.resolve("s3.json"), BUCKETS);
      file.toFile().deleteOnExit();
      return Inventory.fromDirectory(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void findsTheBucketsWithoutVersioningInTheRegionAsked(StubServer server) {
    try (LightPaneClient client =
        LightPaneClient.builder()
            .baseUrl(server.uri())
            .credentials(Credentials.anonymous())
            .build()) {
      // Suspended, never set and blank are unversioned; "enabled" in any case is versioned; the
      // bucket of another region is not asked about.
      assertEquals(
          List.of("tmp", "raw", "old"), new BucketAudit(client).unversionedBuckets("eu-west-2"));
      assertEquals(List.of("far"), new BucketAudit(client).unversionedBuckets("us-east-1"));
    }
  }
}
