package cloud.lightpane.bench;

import cloud.lightpane.client.LightPaneClient;
import cloud.lightpane.client.auth.Credentials;
import cloud.lightpane.stub.KeySpec;
import cloud.lightpane.stub.MintedKey;
import cloud.lightpane.stub.StubServer;
import cloud.lightpane.stub.inventory.Inventory;
import java.util.List;

/**
 * The reference server in the benchmark's own JVM, with synthetic rows and an access key that both
 * sides of a comparison send, so that every request goes through the server's auth and rate limiter
 * the same way.
 */
final class BenchServer implements AutoCloseable {

  /** A rate limit no run reaches: the limiter is consulted on every request, never refuses. */
  private static final int RATE_LIMIT_RPM = 100_000_000;

  final StubServer server;
  final MintedKey key;

  private BenchServer(StubServer server) {
    this.server = server;
    this.key = server.mintKey(KeySpec.apiKey("bench").rateLimitRpm(RATE_LIMIT_RPM));
  }

  /**
   * Starts a server whose every service has {@code rows} rows in every region.
   *
   * @param faults fault specs as {@code --fault} takes them (none for a well-behaved server)
   */
  static BenchServer start(long rows, List<String> faults) {
    StubServer.Builder builder = StubServer.builder().inventory(Inventory.synthetic(rows));
    faults.forEach(builder::fault);
    return new BenchServer(builder.build().start());
  }

  /** An SDK client with the SDK's defaults, talking to this server with the bench key. */
  LightPaneClient client() {
    return LightPaneClient.builder()
        .baseUrl(server.uri())
        .credentials(Credentials.apiKey(key.token()))
        .build();
  }

  @Override
  public void close() {
    server.close();
  }
}
