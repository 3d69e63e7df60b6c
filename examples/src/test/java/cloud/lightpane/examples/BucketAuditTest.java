package cloud.lightpane.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cloud.lightpane.client.LightPaneClient;
import cloud.lightpane.client.auth.Credentials;
import cloud.lightpane.client.discovery.DiscoveryRequest;
import cloud.lightpane.client.discovery.Row;
import cloud.lightpane.client.discovery.ServiceQuery;
import cloud.lightpane.stub.StubServer;
import cloud.lightpane.stub.junit.LightPaneStubExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How a user tests their own LightPane code: the extension starts a reference server for the class,
 * and the code under test talks to it over real HTTP with the real client.
 */
@ExtendWith(LightPaneStubExtension.class)
class BucketAuditTest {

  @Test
  void findsTheBucketsWithoutVersioning(StubServer server) {
    try (LightPaneClient client =
        LightPaneClient.builder()
            .baseUrl(server.uri())
            .credentials(Credentials.anonymous())
            .build()) {
      List<String> flagged = new BucketAudit(client).unversionedBuckets("eu-west-2");

      List<String> expected =
          client
              .discover(
                  DiscoveryRequest.of(
                      ServiceQuery.builder("s3").provider("aws").region("eu-west-2").build()))
              .results()
              .get(0)
              .rows()
              .stream()
              .filter(row -> !"Enabled".equalsIgnoreCase(row.getString("versioning_status")))
              .map((Row row) -> row.getString("bucket_name"))
              .toList();
      assertFalse(expected.isEmpty(), "the demo inventory should have an unversioned bucket");
      assertEquals(expected, flagged);
    }
  }
}
