package cloud.lightpane.examples;

import cloud.lightpane.client.LightPaneClient;
import cloud.lightpane.client.auth.Credentials;
import cloud.lightpane.client.discovery.Column;
import cloud.lightpane.client.discovery.DiscoveryRequest;
import cloud.lightpane.client.discovery.DiscoveryResponse;
import cloud.lightpane.client.discovery.Provider;
import cloud.lightpane.client.discovery.Row;
import cloud.lightpane.client.discovery.ServiceQuery;
import cloud.lightpane.client.discovery.ServiceResult;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Discovers the S3 buckets and EC2 instances of one region and prints each result as a heading and
 * one line per row.
 *
 * <p>Run: {@code java cloud.lightpane.examples.DiscoverAndPrint [BASE_URL]}; without a URL it
 * starts the reference server in-process.
 */
public final class DiscoverAndPrint {
  private DiscoverAndPrint() {}

  public static void main(String[] args) {
    try (ExampleServer server = ExampleServer.fromArgs(args)) {
      run(server.baseUrl(), Credentials.defaultChain(), System.out);
    }
  }

  /** Discovers and prints; returns the number of rows printed. */
  public static int run(URI baseUrl, Credentials credentials, PrintStream out) {
    try (LightPaneClient client =
        LightPaneClient.builder().baseUrl(baseUrl).credentials(credentials).build()) {
      DiscoveryResponse response =
          client.discover(
              DiscoveryRequest.of(
                  ServiceQuery.builder("s3")
                      .provider(Provider.AWS)
                      .region("eu-west-2")
                      .attributes("bucket_name", "creation_date", "versioning_status")
                      .build(),
                  ServiceQuery.builder("ec2").provider(Provider.AWS).region("eu-west-2").build()));
      int printed = 0;
      for (ServiceResult result : response.results()) {
        out.printf(
            "%s (%s %s): %d%n",
            result.metadata().serviceLabel(),
            result.metadata().provider().value(),
            result.metadata().region(),
            result.metadata().count());
        for (Row row : result.rows()) {
          List<String> cells = new ArrayList<>();
          for (Column column : result.columns()) {
            cells.add(column.key() + "=" + row.get(column.key()));
          }
          out.println("  " + String.join(" ", cells));
          printed++;
        }
      }
      return printed;
    }
  }
}
