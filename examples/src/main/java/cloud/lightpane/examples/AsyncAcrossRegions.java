package cloud.lightpane.examples;

import cloud.lightpane.client.LightPaneClient;
import cloud.lightpane.client.auth.Credentials;
import cloud.lightpane.client.discovery.DiscoveryRequest;
import cloud.lightpane.client.discovery.DiscoveryResponse;
import cloud.lightpane.client.discovery.ServiceQuery;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Counts Lambda functions in several regions at once: one asynchronous request per region, all in
 * flight together, joined at the end. No thread waits while the requests are out.
 *
 * <p>Run: {@code java cloud.lightpane.examples.AsyncAcrossRegions [BASE_URL]}.
 */
public final class AsyncAcrossRegions {
  private AsyncAcrossRegions() {}

  public static void main(String[] args) {
    try (ExampleServer server = ExampleServer.fromArgs(args)) {
      run(
              server.baseUrl(),
              Credentials.defaultChain(),
              List.of("eu-west-2", "us-east-1", "eu-west-1"))
          .forEach((region, count) -> System.out.println(region + "\t" + count));
    }
  }

  /** Returns the number of Lambda functions per region, sorted by region. */
  public static Map<String, Long> run(URI baseUrl, Credentials credentials, List<String> regions) {
    try (LightPaneClient client =
        LightPaneClient.builder().baseUrl(baseUrl).credentials(credentials).build()) {
      Map<String, CompletableFuture<DiscoveryResponse>> calls = new TreeMap<>();
      for (String region : regions) {
        calls.put(
            region,
            client.discoverAsync(
                DiscoveryRequest.of(
                    ServiceQuery.builder("lambda_functions")
                        .provider("aws")
                        .region(region)
                        .build())));
      }
      CompletableFuture.allOf(calls.values().toArray(CompletableFuture[]::new)).join();
      Map<String, Long> counts = new TreeMap<>();
      calls.forEach(
          (region, call) -> counts.put(region, call.join().results().get(0).metadata().count()));
      return counts;
    }
  }
}
