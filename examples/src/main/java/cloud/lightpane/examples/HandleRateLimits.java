package cloud.lightpane.examples;

import cloud.lightpane.client.LightPaneClient;
import cloud.lightpane.client.RateLimitException;
import cloud.lightpane.client.auth.Credentials;
import cloud.lightpane.client.discovery.DiscoveryRequest;
import cloud.lightpane.client.discovery.ServiceQuery;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;

/**
 * What a rate limit looks like to a program. The client already retries a 429 after the server's
 * {@code Retry-After} (up to a cap); when the wait is longer than the caller will accept, or the
 * retries are spent, it throws {@link RateLimitException} carrying the wait, and the program
 * decides: wait and go on, or give up and report.
 *
 * <p>Run: {@code LIGHTPANE_API_KEY=... java cloud.lightpane.examples.HandleRateLimits [BASE_URL]}.
 */
public final class HandleRateLimits {
  private HandleRateLimits() {}

  public static void main(String[] args) {
    try (ExampleServer server = ExampleServer.fromArgs(args)) {
      run(server.baseUrl(), Credentials.defaultChain(), 5, System.out);
    }
  }

  /**
   * Sends {@code requests} discoveries with retries turned off, and reports each one that was rate
   * limited instead of waiting; returns how many were.
   */
  public static int run(URI baseUrl, Credentials credentials, int requests, PrintStream out) {
    int limited = 0;
    try (LightPaneClient client =
        LightPaneClient.builder().baseUrl(baseUrl).credentials(credentials).maxRetries(0).build()) {
      DiscoveryRequest request =
          DiscoveryRequest.of(
              ServiceQuery.builder("kms_keys").provider("aws").region("eu-west-2").build());
      for (int i = 1; i <= requests; i++) {
        try {
          client.discover(request);
          out.println("request " + i + ": ok");
        } catch (RateLimitException e) {
          limited++;
          Duration wait = e.retryAfter().orElse(Duration.ofSeconds(1));
          out.println(
              "request "
                  + i
                  + ": rate limited, the server asks to wait "
                  + wait.toSeconds()
                  + " s");
        }
      }
    }
    return limited;
  }
}
