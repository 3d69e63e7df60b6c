package cloud.lightpane.stub.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.stub.Http;
import cloud.lightpane.stub.StubServer;
import cloud.lightpane.stub.inventory.Inventory;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A discovery answer of at most 256 KiB goes whole, with a Content-Length; a longer one streams
 * chunked from the moment it passes 256 KiB, and arrives complete either way.
 */
class ResponseFramingTest {
  private static final String EC2 =
      "{\"services\": [{\"service\": \"ec2\", \"provider\": \"aws\", \"region\": \"eu-west-2\"}]}";

  private static final List<String> REGIONS = List.of("eu-west-2", "us-east-1", "eu-west-1");

  /** The 200 answer for ec2 of a server with {@code rows} synthetic rows per service. */
  private static Http.Reply discover(int rows) {
    try (StubServer server = StubServer.builder().inventory(Inventory.synthetic(rows)).build()) {
      server.start();
      return ok(new Http(server.uri()).post("/discovery", EC2).send());
    }
  }

  private static Http.Reply ok(Http.Reply reply) {
    assertEquals(200, reply.status(), reply::toString);
    return reply;
  }

  private static String ec2In(List<String> regions) {
    StringBuilder body = new StringBuilder("{\"services\": [");
    for (String region : regions) {
      body.append(body.length() > 14 ? ", " : "")
          .append("{\"service\": \"ec2\", \"provider\": \"aws\", \"region\": \"")
          .append(region)
          .append("\"}");
    }
    return body.append("]}").toString();
  }

  /**
   * One answer for ec2 in three regions, sent twice (the second time from the kept rows of each
   * result), against the three answers for one region each: the same results in request order.
   */
  private static Http.Reply threeResultsTwice(int rows) {
    try (StubServer server = StubServer.builder().inventory(Inventory.synthetic(rows)).build()) {
      server.start();
      Http http = new Http(server.uri());
      Http.Reply first = ok(http.post("/discovery", ec2In(REGIONS)).send());
      Http.Reply again = ok(http.post("/discovery", ec2In(REGIONS)).send());
      for (Http.Reply reply : List.of(first, again)) {
        JsonNode results = reply.json().get("results");
        assertEquals(3, results.size());
        for (int i = 0; i < REGIONS.size(); i++) {
          JsonNode alone =
              ok(http.post("/discovery", ec2In(List.of(REGIONS.get(i)))).send())
                  .json()
                  .get("results")
                  .get(0);
          assertEquals(REGIONS.get(i), results.get(i).get("metadata").get("region").asText());
          assertEquals(rows, rows(results.get(i)));
          assertEquals(alone.get("columns"), results.get(i).get("columns"));
          assertEquals(alone.get("rows"), results.get(i).get("rows"), "result " + i);
        }
      }
      assertEquals(bytes(first), bytes(again));
      return again;
    }
  }

  private static int bytes(Http.Reply reply) {
    return reply.body().getBytes(StandardCharsets.UTF_8).length;
  }

  private static int rows(Http.Reply reply) {
    return rows(reply.json().get("results").get(0));
  }

  private static int rows(JsonNode result) {
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

  @Test
  void severalKeptResultsGoWholeInRequestOrder() {
    Http.Reply reply = threeResultsTwice(100);
    assertNull(reply.header("Transfer-Encoding"));
    assertEquals(Integer.toString(bytes(reply)), reply.header("Content-Length"));
  }

  @Test
  void keptResultsThatPassTheLimitTogetherStreamCompleteAndInOrder() {
    Http.Reply reply = threeResultsTwice(300); // about 90 KB each: the third passes 256 KiB
    assertEquals("chunked", String.valueOf(reply.header("Transfer-Encoding")).toLowerCase());
    assertTrue(bytes(reply) > 256 * 1024, "over the limit: " + bytes(reply));
  }
}
