package cloud.lightpane.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.client.discovery.Column;
import cloud.lightpane.client.discovery.DiscoveryHandler;
import cloud.lightpane.client.discovery.DiscoveryRequest;
import cloud.lightpane.client.discovery.DiscoveryResponse;
import cloud.lightpane.client.discovery.Provider;
import cloud.lightpane.client.discovery.ResultMetadata;
import cloud.lightpane.client.discovery.Row;
import cloud.lightpane.client.discovery.ServiceQuery;
import cloud.lightpane.client.discovery.ServiceResult;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the client makes of the bodies a server (or something pretending to be one) sends. */
class ResponseParsingTest extends WireMockSupport {

  private void serve(String body) {
    server.stubFor(post("/discovery").willReturn(okJson(body)));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void theContractsExampleParsesToTheValuesItShows(Transport transport) {
    serve(PART_A_EXAMPLE);
    try (LightPaneClient client = client(transport)) {
      DiscoveryResponse response = client.discover(ec2());
      assertEquals(1, response.results().size());
      ServiceResult result = response.results().get(0);
      ResultMetadata m = result.metadata();
      assertEquals("ec2", m.service());
      assertEquals("EC2 Instances", m.serviceLabel());
      assertEquals(Provider.AWS, m.provider());
      assertEquals("eu-west-2", m.region());
      assertEquals(3, m.count());
      assertEquals(Instant.parse("2026-03-28T14:30:00Z"), m.timestamp());
      assertEquals(
          List.of(new Column("name", "Name"), new Column("instance_id", "Instance ID")),
          result.columns());
      assertEquals(1, result.rows().size());
      Row row = result.rows().get(0);
      assertEquals("web-1", row.getString("name"));
      assertEquals("i-0abc123def", row.getString("instance_id"));
      assertEquals(List.of("name", "instance_id"), new ArrayList<>(row.keys()));
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void theRequestCarriesTheContractsBodyAndHeaders(Transport transport) {
    serve(PART_A_EXAMPLE);
    try (LightPaneClient client = client(transport)) {
      client.discover(
          DiscoveryRequest.of(
              ServiceQuery.builder("s3")
                  .provider("aws")
                  .region("eu-west-2")
                  .attributes("bucket_name", "region")
                  .account("prod")
                  .build()));
    }
    server.verify(
        postRequestedFor(urlEqualTo("/discovery"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withHeader("Content-Type", equalTo("application/json"))
            .withHeader("Accept", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    "{\"services\": [{\"service\": \"s3\", \"provider\": \"aws\", \"region\":"
                        + " \"eu-west-2\", \"attributes\": [\"bucket_name\", \"region\"],"
                        + " \"account\": \"prod\"}]}")));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void unknownFieldsAreKeptAndReadable(Transport transport) {
    serve(
        "{\"request_id\": \"r-1\", \"results\": [{\"metadata\": {\"service\": \"ec2\","
            + " \"provider\": \"oracle\", \"region\": \"r\", \"count\": 0, \"cached\": true,"
            + " \"timestamp\": \"yesterday\"}, \"columns\": [], \"rows\": [], \"warnings\":"
            + " [\"partial\"]}]}");
    try (LightPaneClient client = client(transport)) {
      DiscoveryResponse response = client.discover(ec2());
      assertEquals(Map.of("request_id", "r-1"), response.additionalProperties());
      ServiceResult result = response.results().get(0);
      assertEquals(Map.of("warnings", List.of("partial")), result.additionalProperties());
      assertEquals(Boolean.TRUE, result.metadata().additionalProperties().get("cached"));
      assertEquals("yesterday", result.metadata().additionalProperties().get("timestamp"));
      assertNull(result.metadata().timestamp());
      assertEquals("oracle", result.metadata().provider().value(), "providers are open values");
      assertFalse(result.metadata().provider().isKnown());
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void rowValuesMayBeAnyJson(Transport transport) {
    serve(
        "{\"results\": [{\"metadata\": {\"service\": \"lambda_functions\", \"count\": 1},"
            + " \"columns\": [{\"key\": \"memory_size\"}], \"rows\": [{\"memory_size\": 128,"
            + " \"timeout\": \"30\", \"ratio\": 0.5, \"active\": true, \"arn\": null, \"tags\":"
            + " {\"team\": \"web\"}, \"layers\": [1, \"two\"], \"huge\": 123456789012345678901234567890}]}]}");
    try (LightPaneClient client = client(transport)) {
      ServiceResult result = client.discover(ec2()).results().get(0);
      assertEquals("memory_size", result.columns().get(0).label(), "label falls back to key");
      Row row = result.rows().get(0);
      assertEquals(128, row.get("memory_size"));
      assertEquals(128L, row.getLong("memory_size"));
      assertEquals("128", row.getString("memory_size"));
      assertEquals(30, row.getInt("timeout"), "numbers sent as strings convert");
      assertEquals(0.5, row.getDouble("ratio"));
      assertEquals(Boolean.TRUE, row.getBoolean("active"));
      assertTrue(row.has("arn"));
      assertNull(row.get("arn"));
      assertNull(row.getString("arn"));
      assertFalse(row.has("missing"));
      assertEquals(Map.of("team", "web"), row.get("tags"));
      assertEquals("{\"team\":\"web\"}", row.getString("tags"));
      assertEquals("[1,\"two\"]", row.valueAsJson("layers"));
      assertEquals(new BigInteger("123456789012345678901234567890"), row.get("huge"));
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> row.getLong("ratio"));
      assertEquals("Column 'ratio' holds 0.5, not a whole number.", e.getMessage());
      assertThrows(IllegalStateException.class, () -> row.getLong("huge"));
      assertThrows(IllegalStateException.class, () -> row.getBoolean("tags"));
      assertThrows(UnsupportedOperationException.class, () -> row.asMap().put("x", 1));
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void emptyResultsAreFine(Transport transport) {
    serve(
        "{\"results\": [{\"metadata\": {\"service\": \"kms_keys\", \"provider\": \"aws\","
            + " \"region\": \"us-east-1\", \"count\": 0}, \"columns\": [{\"key\": \"key_id\","
            + " \"label\": \"Key ID\"}], \"rows\": []}]}");
    try (LightPaneClient client = client(transport)) {
      ServiceResult result = client.discover(ec2()).results().get(0);
      assertEquals(0, result.metadata().count());
      assertEquals(List.of(), result.rows());
      assertEquals(1, result.columns().size());
    }
    serve("{\"results\": []}");
    try (LightPaneClient client = client(transport)) {
      assertEquals(List.of(), client.discover(ec2()).results());
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void malformedJsonIsAnInvalidResponseAndNotRetried(Transport transport) {
    serve("{\"results\": [nope]}");
    try (LightPaneClient client = client(transport)) {
      InvalidResponseException e =
          assertThrows(InvalidResponseException.class, () -> client.discover(ec2()));
      assertTrue(
          e.getMessage()
              .startsWith(
                  "The response to POST /discovery from "
                      + baseUrl()
                      + " is not valid JSON (application/json) at byte 13"),
          e.getMessage());
    }
    server.verify(1, postRequestedFor(urlEqualTo("/discovery")));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void truncatedJsonIsAnInvalidResponse(Transport transport) {
    serve("{\"results\": [{\"metadata\": {\"service\": \"ec2\"}, \"rows\": [{\"name\": \"web-1\"}");
    try (LightPaneClient client = client(transport)) {
      InvalidResponseException e =
          assertThrows(InvalidResponseException.class, () -> client.discover(ec2()));
      assertTrue(e.getMessage().contains("ended before its JSON was complete"), e.getMessage());
      assertTrue(e.getMessage().contains("cut off"), e.getMessage());
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void htmlWithASuccessStatusIsAnInvalidResponse(Transport transport) {
    server.stubFor(
        post("/discovery")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html>Please log in to the Wi-Fi</html>")));
    try (LightPaneClient client = client(transport)) {
      InvalidResponseException e =
          assertThrows(InvalidResponseException.class, () -> client.discover(ec2()));
      assertTrue(e.getMessage().contains("is not valid JSON (text/html)"), e.getMessage());
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void jsonOfTheWrongShapeIsAnInvalidResponse(Transport transport) {
    serve("{\"grants\": []}");
    try (LightPaneClient client = client(transport)) {
      InvalidResponseException e =
          assertThrows(InvalidResponseException.class, () -> client.discover(ec2()));
      assertTrue(
          e.getMessage().contains("is not a LightPane response: it has no 'results' array"),
          e.getMessage());
    }
    serve("{\"results\": [{\"rows\": [1, 2]}]}");
    try (LightPaneClient client = client(transport)) {
      InvalidResponseException e =
          assertThrows(InvalidResponseException.class, () -> client.discover(ec2()));
      assertTrue(e.getMessage().contains("row 0 of results[0] is a number"), e.getMessage());
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void streamingHandsOverStartRowsEndInOrder(Transport transport) {
    serve(
        "{\"results\": ["
            + "{\"metadata\": {\"service\": \"ec2\", \"count\": 2}, \"columns\": [{\"key\": \"n\"}],"
            + " \"rows\": [{\"n\": 1}, {\"n\": 2}]},"
            // rows before metadata and columns: buffered, order of callbacks unchanged
            + "{\"rows\": [{\"n\": 3}], \"metadata\": {\"service\": \"s3\"}, \"columns\": [{\"key\": \"n\"}]}"
            + "]}");
    List<String> events = new ArrayList<>();
    try (LightPaneClient client = client(transport)) {
      client.discoverStreaming(
          ec2(),
          new DiscoveryHandler() {
            @Override
            public void onResultStart(ResultMetadata metadata, List<Column> columns) {
              events.add(
                  "start " + metadata.service() + " " + columns.size() + " " + metadata.count());
            }

            @Override
            public void onRow(Row row) {
              events.add("row " + row.getInt("n"));
            }

            @Override
            public void onResultEnd(ResultMetadata metadata) {
              events.add("end " + metadata.service());
            }
          });
    }
    assertEquals(
        List.of("start ec2 1 2", "row 1", "row 2", "end ec2", "start s3 1 1", "row 3", "end s3"),
        events);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aHandlersExceptionReachesTheCallerUnchanged(Transport transport) {
    serve(PART_A_EXAMPLE);
    IllegalStateException mine = new IllegalStateException("stop here");
    try (LightPaneClient client = client(transport)) {
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () ->
                  client.discoverStreaming(
                      ec2(),
                      row -> {
                        throw mine;
                      }));
      assertTrue(e == mine);
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void openDiscoveryReturnsTheBodyAsSent(Transport transport) throws Exception {
    String body = PART_A_EXAMPLE.replace("\"rows\"", "\"extra\": {\"kept\": [1]}, \"rows\"");
    serve(body);
    try (LightPaneClient client = client(transport);
        InputStream in = client.openDiscovery(ec2())) {
      assertEquals(body, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void openDiscoveryThrowsErrorsBeforeReturning(Transport transport) {
    server.stubFor(
        post("/discovery")
            .willReturn(aResponse().withStatus(401).withBody(errorBody("Token revoked"))));
    try (LightPaneClient client = client(transport)) {
      assertThrows(AuthenticationException.class, () -> client.openDiscovery(ec2()));
    }
  }

  record Instance(String name, String instance_id) {}

  @ParameterizedTest
  @EnumSource(Transport.class)
  void rowsMapToTheCallersRecord(Transport transport) {
    serve(PART_A_EXAMPLE);
    try (LightPaneClient client = client(transport)) {
      List<Instance> instances = client.discover(ec2()).results().get(0).rowsAs(Instance.class);
      assertEquals(List.of(new Instance("web-1", "i-0abc123def")), instances);
    }
  }
}
