package cloud.lightpane.stub.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.stub.Http;
import cloud.lightpane.stub.StubServer;
import cloud.lightpane.stub.inventory.Inventory;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A discovery answer of at most 256 KiB goes whole, with a Content-Length; a longer one streams
 * chunked from the moment it passes 256 KiB, and arrives complete either way.
 */
class ResponseFramingTest {
  private static final String EC2 =
      "{\"services\": [{\"service\": \"ec2\", \"provider\": \"aws\", \"region\": \"eu-west-2\"}]}";

  /** The 200 answer for ec2 of a server with {@code rows} synthetic rows per service. */
  private static Http.Reply discover(int rows) {
    try (StubServer server = StubServer.builder().inventory(Inventory.synthetic(rows)).build()) {
      server.start();
      Http.Reply reply = new Http(server.uri()).post("/discovery", EC2).send();
      assertEquals(200, reply.status(), reply::toString);
      return reply;
    }
  }

  private static int bytes(Http.Reply reply) {
    return reply.body().getBytes(StandardCharsets.UTF_8).length;
  }

  private static int rows(Http.Reply reply) {
    JsonNode result = reply.json().get("results").get(0);
    assertEquals(result.get("metadata").get("count").asInt(), result.get("rows").size());
    return result.get("rows").size();
  }

  @Test
  void threeHundredRowsGoWholeWithTheirLength() {
    Http.Reply reply = discover(300);
    assertNull(reply.header("Transfer-Encoding"));
    assertEquals(Integer.toString(bytes(reply)), reply.header("Content-Length"));
    assertTrue(bytes(reply) < 256 * 1024, "under the limit: " + bytes(reply));
    assertEquals(300, rows(reply));
  }

  @Test
  void aBodyPastTheLimitStreamsChunkedAndComplete() {
    Http.Reply reply = discover(3000);
    assertEquals("chunked", String.valueOf(reply.header("Transfer-Encoding")).toLowerCase());
    assertTrue(bytes(reply) > 256 * 1024, "over the limit: " + bytes(reply));
    assertEquals(3000, rows(reply));
  }
}
