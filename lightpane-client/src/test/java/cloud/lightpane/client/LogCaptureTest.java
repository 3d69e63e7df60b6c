package cloud.lightpane.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.client.auth.Credentials;
import cloud.lightpane.client.keys.CreateKeyRequest;
import cloud.lightpane.client.keys.CreatedKey;
import cloud.lightpane.client.keys.KeyType;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Captures every log line of a traced run (System.Logger goes to java.util.logging by default) and
 * fails if a token or a cookie value appears in any of them, or in any exception message.
 */
class LogCaptureTest extends WireMockSupport {
  private static final String CREATED = "csl_ak_9xQw2eR4tY6uI8oP0aS2dF4gH6jK8lZ0xC2vB4nM6q1";

  private final List<String> lines = new ArrayList<>();
  private final Logger logger = Logger.getLogger("cloud.lightpane.client");
  private Level previous;
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          String message = record.getMessage();
          if (record.getParameters() != null) {
            message = message + " " + List.of(record.getParameters());
          }
          synchronized (lines) {
            lines.add(record.getLevel() + " " + message);
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void captureLogs() {
    previous = logger.getLevel();
    logger.setLevel(Level.ALL);
    capture.setLevel(Level.ALL);
    logger.addHandler(capture);
  }

  @AfterEach
  void release() {
    logger.removeHandler(capture);
    logger.setLevel(previous);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aTracedRunNeverLogsASecret(Transport transport) {
    List<String> messages = new ArrayList<>();
    server.stubFor(
        post("/discovery")
            .inScenario("s")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(503).withBody(errorBody("Service unavailable")))
            .willSetStateTo("ok"));
    server.stubFor(
        post("/discovery")
            .inScenario("s")
            .whenScenarioStateIs("ok")
            .willReturn(okJson(PART_A_EXAMPLE)));
    try (LightPaneClient client = builder(transport).logTraffic(true).build()) {
      client.discover(ec2());
      client.discoverAsync(ec2()).join();
      messages.add(client.toString());
      messages.add(client.credentials().toString());
    }

    server.stubFor(
        get("/keys")
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(errorBody("Invalid or expired token " + TOKEN))));
    try (LightPaneClient client = builder(transport).logTraffic(true).build()) {
      messages.add(
          assertThrows(AuthenticationException.class, () -> client.keys().list()).getMessage());
    }

    server.stubFor(
        post("/keys")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Set-Cookie", "lightpane_session=" + SESSION)
                    .withBody(
                        "{\"grant\": {\"grant_id\": \"g-1\", \"token_prefix\": \"csl_ak_...M6q1\"},"
                            + " \"token\": \""
                            + CREATED
                            + "\"}")));
    try (LightPaneClient client =
        builder(transport).credentials(Credentials.session(SESSION)).logTraffic(true).build()) {
      CreatedKey created =
          client.keys().create(CreateKeyRequest.builder(KeyType.API_KEY, "ci").build());
      assertEquals(CREATED, created.token().reveal());
      messages.add(created.toString());
      messages.add(client.toString());
    }

    synchronized (lines) {
      assertEquals(5, lines.size(), "expected a line per attempt, got " + lines);
      assertTrue(
          lines.stream()
              .anyMatch(l -> l.startsWith("INFO POST " + baseUrl() + "/discovery -> 503")),
          lines.toString());
      assertTrue(lines.stream().anyMatch(l -> l.contains("attempt 2 of 3")), lines.toString());
      assertTrue(
          lines.stream().anyMatch(l -> l.contains("Authorization: Bearer csl_ak_...D4Oc")),
          lines.toString());
      assertTrue(
          lines.stream().anyMatch(l -> l.contains("Cookie: lightpane_session=...V1bN")),
          lines.toString());
      List<String> everything = new ArrayList<>(lines);
      everything.addAll(messages);
      String sessionTail = SESSION.substring(SESSION.length() - 8);
      for (String line : everything) {
        assertFalse(line.contains(TOKEN), "token in: " + line);
        assertFalse(line.contains(CREATED), "created token in: " + line);
        assertFalse(line.contains(SESSION), "session in: " + line);
        assertFalse(line.contains(SESSION.substring(0, 12)), "session start in: " + line);
        assertFalse(line.contains(sessionTail), "session tail in: " + line);
        assertFalse(line.contains(TOKEN.substring(7, 20)), "token body in: " + line);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void untracedRunsLogAtDebugOnly(Transport transport) {
    server.stubFor(post("/discovery").willReturn(okJson(PART_A_EXAMPLE)));
    try (LightPaneClient client = client(transport)) {
      client.discover(ec2());
    }
    synchronized (lines) {
      assertFalse(lines.isEmpty());
      assertTrue(lines.stream().allMatch(l -> l.startsWith("FINE ")), lines.toString());
    }
  }
}
