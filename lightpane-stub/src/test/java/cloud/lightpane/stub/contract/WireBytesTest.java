package cloud.lightpane.stub.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.lightpane.stub.KeySpec;
import cloud.lightpane.stub.MintedKey;
import cloud.lightpane.stub.RawHttp;
import cloud.lightpane.stub.StubServer;
import cloud.lightpane.stub.inventory.Inventory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the server puts on the wire, read as raw bytes over a socket: a fixture's values come back
 * as the JSON types they were written as (a fraction stays a number), and a key that requires a
 * Referer is not satisfied by an empty or blank one.
 */
class WireBytesTest {
  @TempDir static Path fixtures;

  private static StubServer server;

  @BeforeAll
  static void start() throws Exception {
    Files.writeString(
        fixtures.resolve("lambda_functions.json"),
        """
        {"rows": [{"region": "eu-west-2", "values": {"function_name": "f", "runtime": "java17",
          "memory_size": 0.5, "timeout": 2.25e3}},
          {"region": "eu-west-2", "values": {"function_name": "g", "runtime": null,
          "memory_size": -1.75, "timeout": 7}}]}
        """,
        StandardCharsets.UTF_8);
    server = StubServer.builder().inventory(Inventory.fromDirectory(fixtures)).build().start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String post(String extraHeaders) {
    String body =
        "{\"services\": [{\"service\": \"lambda_functions\", \"provider\": \"aws\", \"region\":"
            + " \"eu-west-2\", \"attributes\": [\"function_name\", \"runtime\", \"memory_size\","
            + " \"timeout\"]}]}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return "POST /discovery HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + "Connection: close\r\n"
        + extraHeaders
        + "Content-Length: "
        + bytes.length
        + "\r\n\r\n"
        + body;
  }

  @Test
  void fractionsAreWrittenAsJsonNumbers() {
    RawHttp.Exchange reply = RawHttp.send(server.uri(), post(""), 10_000);
    assertEquals(200, reply.status(), reply.text());
    String body = reply.body();
    int start = body.indexOf("\"rows\"");
    String rows = body.substring(start, body.indexOf(']', start) + 1);
    assertEquals(
        "\"rows\":[{\"function_name\":\"f\",\"runtime\":\"java17\",\"memory_size\":0.5,"
            + "\"timeout\":2250.0},{\"function_name\":\"g\",\"runtime\":null,"
            + "\"memory_size\":-1.75,\"timeout\":7}]",
        rows);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Referer:\r\n", "Referer: \r\n", "Referer: \t \r\n"})
  void anEmptyOrBlankRefererDoesNotSatisfyRequireReferer(String header) {
    MintedKey key = server.mintKey(KeySpec.embed("page").requireReferer(true));
    String auth = "Authorization: Bearer " + key.token() + "\r\n";
    RawHttp.Exchange blank = RawHttp.send(server.uri(), post(auth + header), 10_000);
    assertEquals(403, blank.status(), blank.statusLine());
    assertEquals("{\"error\":\"Referer header required for this token\"}", blank.body().strip());

    RawHttp.Exchange real =
        RawHttp.send(server.uri(), post(auth + "Referer: https://any.example/page\r\n"), 10_000);
    assertEquals(200, real.status(), real.statusLine());
  }
}
