package cloud.lightpane.examples;

import cloud.lightpane.client.AuthenticationException;
import cloud.lightpane.client.LightPaneClient;
import cloud.lightpane.client.auth.Credentials;
import cloud.lightpane.client.discovery.DiscoveryRequest;
import cloud.lightpane.client.discovery.ServiceQuery;
import cloud.lightpane.client.keys.CreateKeyRequest;
import cloud.lightpane.client.keys.CreatedKey;
import cloud.lightpane.client.keys.KeyConstraints;
import cloud.lightpane.client.keys.KeyType;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;

/**
 * Creates an API key with a session, uses the key for a discovery, then revokes it and shows that
 * the revoked key is refused. The raw token is used, never printed: {@code CreatedKey.token()}
 * prints masked.
 *
 * <p>Run: {@code LIGHTPANE_SESSION=... java cloud.lightpane.examples.KeyLifecycle [BASE_URL]};
 * without a URL it uses the demo session of an in-process reference server.
 */
public final class KeyLifecycle {
  private KeyLifecycle() {}

  public static void main(String[] args) {
    try (ExampleServer server = ExampleServer.fromArgs(args)) {
      run(server.baseUrl(), server.session(), System.out);
    }
  }

  /** Runs the whole life of one key, printing each step. Returns true when the revocation held. */
  public static boolean run(URI baseUrl, String session, PrintStream out) {
    try (LightPaneClient admin =
        LightPaneClient.builder()
            .baseUrl(baseUrl)
            .credentials(Credentials.session(session))
            .build()) {
      CreatedKey created =
          admin
              .keys()
              .create(
                  CreateKeyRequest.builder(KeyType.API_KEY, "nightly inventory export")
                      .allowedServices(List.of("s3", "ec2"))
                      .constraints(
                          KeyConstraints.builder().rateLimitRpm(60).maxBatchSize(10).build())
                      .expiresInDays(7)
                      .build());
      out.println("created " + created.key().grantId() + " " + created.token());

      try (LightPaneClient withKey =
          LightPaneClient.builder()
              .baseUrl(baseUrl)
              .credentials(Credentials.apiKey(created.token().reveal()))
              .build()) {
        DiscoveryRequest s3 =
            DiscoveryRequest.of(
                ServiceQuery.builder("s3").provider("aws").region("eu-west-2").build());
        long buckets = withKey.discover(s3).results().get(0).metadata().count();
        out.println("the key sees " + buckets + " buckets");

        admin.keys().revoke(created.key().grantId());
        out.println("revoked " + created.key().grantId());
        try {
          withKey.discover(s3);
          out.println("the revoked key still works");
          return false;
        } catch (AuthenticationException e) {
          out.println("the revoked key is refused: " + e.errorMessage());
          return true;
        }
      }
    }
  }
}
