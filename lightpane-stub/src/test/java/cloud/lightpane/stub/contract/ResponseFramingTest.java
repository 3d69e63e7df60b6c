package cloud.lightpane.stub.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.stub.StubServer;
import cloud.lightpane.stub.inventory.Inventory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * A discovery answer of at most 256 KiB goes whole, with a Content-Length; a longer one streams
 * chunked from the moment it passes 256 KiB, and arrives complete either way.
 */
class ResponseFramingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EC2 =
      "{\"services\": [{\"service\": \"ec2\", \"provider\": \"aws\", \"region\": \"eu-west-2\"}]}";

  private static HttpResponse<byte[]> discover(StubServer server) throws Exception {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .send(
            HttpRequest.newBuilder(URI.create(server.uri() + "/discovery"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(EC2))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  private static int rows(byte[] body) throws Exception {
    JsonNode result = JSON.readTree(body).get("results").get(0);
    assertEquals(result.get("metadata").get("count").asInt(), result.get("rows").size());
    return result.get("rows").size();
  }

  @Test
  void threeHundredRowsGoWholeWithTheirLength() throws Exception {
    try (StubServer server = StubServer.builder().inventory(Inventory.synthetic(300)).build()) {
      server.start();
      HttpResponse<byte[]> response = discover(server);
      assertEquals(200, response.statusCode());
      assertNull(response.headers().firstValue("Transfer-Encoding").orElse(null));
      assertEquals(
          Long.toString(response.body().length),
          response.headers().firstValue("Content-Length").orElse(null));
      assertTrue(response.body().length < 256 * 1024, "under the limit: " + response.body().length);
      assertEquals(300, rows(response.body()));
    }
  }

  @Test
  void aBodyPastTheLimitStreamsChunkedAndComplete() throws Exception {
    try (StubServer server = StubServer.builder().inventory(Inventory.synthetic(3000)).build()) {
      server.start();
      HttpResponse<byte[]> response = discover(server);
      assertEquals(200, response.statusCode());
      assertEquals(
          "chunked", response.headers().firstValue("Transfer-Encoding").orElse("").toLowerCase());
      assertTrue(response.body().length > 256 * 1024, "over the limit: " + response.body().length);
      assertEquals(3000, rows(response.body()));
    }
  }
}
