package cloud.lightpane.examples;

import cloud.lightpane.client.LightPaneClient;
import cloud.lightpane.client.discovery.DiscoveryRequest;
import cloud.lightpane.client.discovery.Row;
import cloud.lightpane.client.discovery.ServiceQuery;
import java.util.List;

/**
 * A user's own code, the kind that {@code BucketAuditTest} tests against the reference server: it
 * lists the S3 buckets of a region whose versioning is not enabled.
 */
public final class BucketAudit {
  private final LightPaneClient client;

  public BucketAudit(LightPaneClient client) {
    this.client = client;
  }

  /** The names of the buckets in {@code region} without versioning enabled, in server order. */
  public List<String> unversionedBuckets(String region) {
    return client
        .discover(
            DiscoveryRequest.of(
                ServiceQuery.builder("s3")
                    .provider("aws")
                    .region(region)
                    .attributes("bucket_name", "versioning_status")
                    .build()))
        .results()
        .get(0)
        .rows()
        .stream()
        .filter(row -> !"Enabled".equalsIgnoreCase(row.getString("versioning_status")))
        .map((Row row) -> row.getString("bucket_name"))
        .toList();
  }
}
