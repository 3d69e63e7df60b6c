package cloud.lightpane.examples;

import cloud.lightpane.client.LightPaneClient;
import cloud.lightpane.client.auth.Credentials;
import cloud.lightpane.client.discovery.DiscoveryRequest;
import cloud.lightpane.client.discovery.ServiceQuery;
import java.net.URI;
import java.util.List;

/**
 * Maps the rows of a result to a record of your own. Row keys are matched to record components by
 * name ({@code function_name} to {@code function_name}); keys the record does not name are ignored.
 *
 * <p>Run: {@code java cloud.lightpane.examples.MapRowsToRecords [BASE_URL]}.
 */
public final class MapRowsToRecords {
  private MapRowsToRecords() {}

  /** The part of a Lambda function this program cares about. */
  public record LambdaFunction(String function_name, String runtime, Integer memory_size) {}

  public static void main(String[] args) {
    try (ExampleServer server = ExampleServer.fromArgs(args)) {
      for (LambdaFunction f : run(server.baseUrl(), Credentials.defaultChain())) {
        System.out.printf("%-40s %-12s %5d MB%n", f.function_name(), f.runtime(), f.memory_size());
      }
    }
  }

  /** Returns the Lambda functions of eu-west-2 as records. */
  public static List<LambdaFunction> run(URI baseUrl, Credentials credentials) {
    try (LightPaneClient client =
        LightPaneClient.builder().baseUrl(baseUrl).credentials(credentials).build()) {
      return client
          .discover(
              DiscoveryRequest.of(
                  ServiceQuery.builder("lambda_functions")
                      .provider("aws")
                      .region("eu-west-2")
                      .attributes("function_name", "runtime", "memory_size")
                      .build()))
          .results()
          .get(0)
          .rowsAs(LambdaFunction.class);
    }
  }
}
