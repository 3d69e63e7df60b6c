package cloud.lightpane.client.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.client.RowMappingException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DiscoveryModelTest {

  @Test
  void aQueryNeedsServiceProviderAndRegion() {
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> ServiceQuery.builder(" ").provider(Provider.AWS).region("eu-west-2").build())
            .getMessage()
            .startsWith("Service is blank"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> ServiceQuery.builder("ec2").region("eu-west-2").build())
            .getMessage()
            .startsWith("Provider missing for service ec2"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> ServiceQuery.builder("ec2").provider("aws").region("").build())
            .getMessage()
            .startsWith("Region missing for service ec2"));
    assertThrows(IllegalArgumentException.class, () -> DiscoveryRequest.of(List.of()));
  }

  @Test
  void aRequestRoundTripsThroughTheContractsJson() {
    DiscoveryRequest request =
        DiscoveryRequest.of(
            ServiceQuery.builder("s3").provider("AWS").region("eu-west-2").build(),
            ServiceQuery.builder("gcp_compute_instances")
                .provider(Provider.GCP)
                .region("europe-west2")
                .attributes("name", "zone")
                .account("prod")
                .source("mock")
                .build());
    String json = request.toJson();
    assertEquals(
        "{\"services\":[{\"service\":\"s3\",\"provider\":\"aws\",\"region\":\"eu-west-2\"},"
            + "{\"service\":\"gcp_compute_instances\",\"provider\":\"gcp\",\"region\":\"europe-west2\","
            + "\"attributes\":[\"name\",\"zone\"],\"account\":\"prod\",\"source\":\"mock\"}]}",
        json);
    assertEquals(request, DiscoveryRequest.fromJson(json));
    assertEquals(Optional.of("prod"), DiscoveryRequest.fromJson(json).services().get(1).account());
  }

  @Test
  void fromJsonSaysWhatIsWrongAndWhere() {
    String[][] cases = {
      {"{\"services\": [", "Request JSON is not valid JSON at line 1"},
      {"[]", "Request JSON must be an object"},
      {"{\"services\": []}", "needs \"services\": a non-empty array"},
      {
        "{\"services\": [{\"service\": \"ec2\", \"provider\": \"aws\"}]}",
        "Request JSON: services[0]: Region missing"
      },
      {
        "{\"services\": [{\"service\": \"ec2\", \"provider\": \"aws\", \"region\": 3}]}",
        "services[0].region must be a string"
      },
      {"{\"services\": [1]}", "services[0] is not an object"},
    };
    for (String[] c : cases) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> DiscoveryRequest.fromJson(c[0]));
      assertTrue(e.getMessage().contains(c[1]), e.getMessage());
    }
    // null is absent, unknown fields are ignored, as the server does
    assertEquals(
        "ec2",
        DiscoveryRequest.fromJson(
                "{\"services\": [{\"service\": \"ec2\", \"provider\": \"aws\", \"region\": \"r\","
                    + " \"account\": null, \"colour\": \"red\"}]}")
            .services()
            .get(0)
            .service());
  }

  @Test
  void providersAreOpenValues() {
    assertSame(Provider.AWS, Provider.of("AWS"));
    assertEquals("oracle", Provider.of("Oracle").value());
    assertEquals(Provider.of("oracle"), Provider.of("oracle"));
    assertThrows(IllegalArgumentException.class, () -> Provider.of(" "));
  }

  record Bucket(String bucket_name, int size_gb, boolean versioned) {}

  static final class Loose {
    public String bucket_name;
  }

  @Test
  void rowsMapToRecordsAndClasses() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("bucket_name", "logs");
    values.put("size_gb", "12");
    values.put("versioned", true);
    values.put("unknown", List.of(1));
    Row row = Row.of(values);
    assertEquals(new Bucket("logs", 12, true), row.as(Bucket.class));
    assertEquals("logs", row.as(Loose.class).bucket_name);
    Row bad = Row.of(Map.of("size_gb", "lots"));
    RowMappingException e = assertThrows(RowMappingException.class, () -> bad.as(Bucket.class));
    assertTrue(
        e.getMessage().startsWith("Cannot map a row to " + Bucket.class.getName()), e.getMessage());
    assertEquals(
        "{\"bucket_name\":\"logs\",\"size_gb\":\"12\",\"versioned\":true,\"unknown\":[1]}",
        row.toJson());
  }
}
