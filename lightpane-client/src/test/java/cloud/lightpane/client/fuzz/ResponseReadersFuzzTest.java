package cloud.lightpane.client.fuzz;

import cloud.lightpane.client.LightPaneClient;
import cloud.lightpane.client.LightPaneException;
import cloud.lightpane.client.auth.Credentials;
import cloud.lightpane.client.discovery.DiscoveryRequest;
import cloud.lightpane.client.discovery.Provider;
import cloud.lightpane.client.discovery.ServiceQuery;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Map;

/**
 * Arbitrary bytes as the body of a successful answer to discovery (whole, streamed, as a stream of
 * rows) and to the key list: the client returns rows or throws one of its typed exceptions ({@link
 * LightPaneException}); anything else (a NullPointerException, a ClassCastException, an
 * OutOfMemoryError, a StackOverflowError) is a finding. Regression mode (every build) replays
 * {@code ResponseReadersFuzzTestInputs}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class ResponseReadersFuzzTest {
  private static final DiscoveryRequest EC2 =
      DiscoveryRequest.of(
          ServiceQuery.builder("ec2").provider(Provider.AWS).region("eu-west-2").build());

  private static LightPaneClient client(int status, byte[] body, Credentials credentials) {
    return LightPaneClient.builder()
        .baseUrl("https://api.example.test")
        .credentials(credentials)
        .httpClient(
            new CannedHttpClient(status, Map.of("Content-Type", List.of("application/json")), body))
        .maxRetries(0)
        .maxValueSize(64 * 1024)
        .logTraffic(false)
        .build();
  }

  @FuzzTest(maxDuration = "60s")
  void discoveryBodiesGiveRowsOrATypedException(FuzzedDataProvider data) {
    int way = data.consumeInt(0, 2);
    byte[] body = data.consumeRemainingAsBytes();
    try (LightPaneClient client = client(200, body, Credentials.apiKey("csl_ak_fuzz0123456789"))) {
      switch (way) {
        case 0 -> client.discover(EC2);
        case 1 -> client.discoverStreaming(EC2, row -> row.asMap());
        default -> {
          try (var rows = client.discoverRows(EC2)) {
            rows.forEach(row -> row.asMap());
          }
        }
      }
    } catch (LightPaneException expected) {
      // A typed refusal is an answer.
    }
  }

  @FuzzTest(maxDuration = "60s")
  void keyListBodiesGiveKeysOrATypedException(FuzzedDataProvider data) {
    int status = data.consumeBoolean() ? 200 : 400 + data.consumeInt(0, 199);
    byte[] body = data.consumeRemainingAsBytes();
    try (LightPaneClient client =
        client(status, body, Credentials.session("fuzz-session-cookie"))) {
      client.keys().list().forEach(key -> key.toString());
    } catch (LightPaneException expected) {
      // A typed refusal is an answer.
    }
  }
}
