package cloud.lightpane.client;

import cloud.lightpane.client.auth.Credentials;
import cloud.lightpane.client.discovery.DiscoveryRequest;
import cloud.lightpane.client.discovery.Provider;
import cloud.lightpane.client.discovery.ServiceQuery;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One WireMock server per test class, reset before each test; clients that record their waits. */
abstract class WireMockSupport {
  static final String TOKEN = "csl_ak_blLVabSkirXx10DYSOjOQcbD1khOsD7pYMQhb92D4Oc";
  static final String SESSION =
      "cOeN_KYQBsHRp4fiaYGu2sZxgYCzzDyq.a9Xk2LpQwE4rT7yU1iO3pA6sD9fG0hJ2kL5zX8cV1bN";
  static final Instant NOW = Instant.parse("2026-03-28T14:30:00Z");

  static WireMockServer server;

  /** Every wait the client asked for, instead of waiting. */
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startServer() {
    server =
        new WireMockServer(
            WireMockConfiguration.options()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .containerThreads(12)
                .asynchronousResponseEnabled(false));
    server.start();
  }

  @AfterAll
  static void stopServer() {
    server.stop();
  }

  @BeforeEach
  void resetServer() {
    server.resetAll();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  LightPaneClient.Builder builder(Transport transport) {
    return LightPaneClient.builder()
        .baseUrl(baseUrl())
        .transport(transport)
        .credentials(Credentials.apiKey(TOKEN))
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .sleeper(sleeps::add)
        .logTraffic(false);
  }

  LightPaneClient client(Transport transport) {
    return builder(transport).build();
  }

  static DiscoveryRequest ec2() {
    return DiscoveryRequest.of(
        ServiceQuery.builder("ec2").provider(Provider.AWS).region("eu-west-2").build());
  }

  static String errorBody(String message) {
    return "{\"error\": \"" + message + "\"}";
  }

  static final String PART_A_EXAMPLE =
      "{\"results\": [{\n"
          + "  \"metadata\": {\"service\": \"ec2\", \"service_label\": \"EC2 Instances\","
          + " \"provider\": \"aws\",\n"
          + "               \"region\": \"eu-west-2\", \"count\": 3, \"timestamp\":"
          + " \"2026-03-28T14:30:00Z\"},\n"
          + "  \"columns\": [{\"key\": \"name\", \"label\": \"Name\"}, {\"key\": \"instance_id\","
          + " \"label\": \"Instance ID\"}],\n"
          + "  \"rows\": [{\"name\": \"web-1\", \"instance_id\": \"i-0abc123def\"}]\n"
          + "}]}";
}
