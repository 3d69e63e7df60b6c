package cloud.lightpane.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.client.auth.Credentials;
import cloud.lightpane.client.discovery.DiscoveryRequest;
import cloud.lightpane.client.discovery.Provider;
import cloud.lightpane.client.discovery.ServiceQuery;
import cloud.lightpane.stub.StubServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The retry policy against the reference server's injected faults (moved here from {@code
 * RetryTest}, where WireMock scripted the same statuses and the reset): the real server, the
 * server's own rows, and the waits the client asked for.
 */
class StubFaultRetryTest {

  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  private StubServer start(String fault) {
    return StubServer.builder()
        .fault(fault)
        .requestLog(new PrintStream(log, true, StandardCharsets.UTF_8))
        .build()
        .start();
  }

  private LightPaneClient client(StubServer server, Transport transport) {
    return LightPaneClient.builder()
        .baseUrl(server.uri().toString())
        .transport(transport)
        .credentials(Credentials.anonymous())
        .sleeper(sleeps::add)
        .logTraffic(false)
        .build();
  }

  private long discoveries() {
    return log.toString(StandardCharsets.UTF_8)
        .lines()
        .filter(line -> line.contains(" POST /discovery "))
        .count();
  }

  private static DiscoveryRequest ec2() {
    return DiscoveryRequest.of(
        ServiceQuery.builder("ec2").provider(Provider.AWS).region("eu-west-2").build());
  }

  private static void assertBetween(Duration low, Duration high, Duration actual) {
    assertTrue(
        actual.compareTo(low) >= 0 && actual.compareTo(high) <= 0,
        actual + " not within " + low + ".." + high);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void a503BurstIsRiddenOutWithGrowingBackoff(Transport transport) {
    try (StubServer server = start("status:503,first=2");
        LightPaneClient client = client(server, transport)) {
      assertEquals(
          "prod-web-1", client.discover(ec2()).results().get(0).rows().get(0).getString("name"));
    }
    assertEquals(3, discoveries());
    assertEquals(2, sleeps.size());
    assertBetween(Duration.ofMillis(375), Duration.ofMillis(500), sleeps.get(0));
    assertBetween(Duration.ofMillis(750), Duration.ofMillis(1000), sleeps.get(1));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void persistent503GivesUpAfterThreeAttempts(Transport transport) {
    try (StubServer server = start("status:503");
        LightPaneClient client = client(server, transport)) {
      ServerException e = assertThrows(ServerException.class, () -> client.discover(ec2()));
      assertEquals(503, e.statusCode());
      assertTrue(e.getMessage().startsWith("Injected fault: HTTP 503"), e.getMessage());
      assertTrue(e.getMessage().endsWith("Gave up after 3 attempts."), e.getMessage());
    }
    assertEquals(3, discoveries());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aConnectionDroppedMidBodyIsRetried(Transport transport) {
    try (StubServer server = start("reset,first=1");
        LightPaneClient client = client(server, transport)) {
      assertEquals(1, client.discover(ec2()).results().size());
    }
    assertEquals(2, discoveries());
    assertEquals(1, sleeps.size());
  }
}
