package cloud.lightpane.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.lightpane.client.LightPaneClient;
import cloud.lightpane.client.auth.Credentials;
import cloud.lightpane.stub.StubServer;
import cloud.lightpane.stub.junit.LightPaneStub;
import org.junit.jupiter.api.Test;

/**
 * A user's own retry handling tested against a server that fails on purpose: the first two
 * discoveries are answered 503, so code that allows two retries gets its answer and code that
 * allows none reports the outage.
 */
@LightPaneStub(faults = "status:503,first=2")
public class RetryHandlingTest {

  /** The user's code: how many buckets, or -1 when the service stays unavailable. */
  static int bucketCount(StubServer server, int retries) {
    try (LightPaneClient client =
        LightPaneClient.builder()
            .baseUrl(server.uri())
            .credentials(Credentials.anonymous())
            .maxRetries(retries)
            .build()) {
      return new BucketAudit(client).unversionedBuckets("eu-west-2").size();
    } catch (cloud.lightpane.client.ServerException e) {
      return -1;
    }
  }

  @Test
  void noRetryReportsTheOutageAndTwoRetriesRideItOut(StubServer server) {
    assertEquals(-1, bucketCount(server, 0), "the first 503 and no retry");
    // One 503 left: the retry gets the demo's answer (two unversioned buckets in eu-west-2).
    assertEquals(2, bucketCount(server, 2));
  }
}
