package cloud.lightpane.stub.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.stub.Http;
import cloud.lightpane.stub.RawHttp;
import cloud.lightpane.stub.StubServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Hostile text in a request never reaches the log raw; repeated JSON keys are refused. */
class HostileTextTest {

  @Test
  void aMethodWithEscapesIsLoggedEscaped() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (StubServer server =
        StubServer.builder()
            .requestLog(new PrintStream(bytes, true, StandardCharsets.UTF_8))
            .build()
            .start()) {
      RawHttp.Exchange reply =
          RawHttp.send(
              server.uri(),
              "G\u001b]0;owned\u0007\u009b2KET /keys HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
              5000);
      assertEquals(405, reply.status(), reply.text());
    }
    String log = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(log.contains(" G\\u001b]0;owned\\u0007\\u009b2KET /keys 405 "), log);
    for (char c : log.toCharArray()) {
      assertFalse(c < 0x20 && c != '\n' || c >= 0x7f && c <= 0x9f || c == '\u202e', log);
    }
  }

  @Test
  void aRepeatedKeyIsRefusedByName() {
    try (StubServer server = StubServer.builder().build().start()) {
      Http.Reply reply =
          new Http(server.uri())
              .post(
                  "/discovery",
                  "{\"services\": [], \"services\": [{\"service\": \"ec2\", \"provider\": \"aws\","
                      + " \"region\": \"eu-west-2\"}]}")
              .send();
      assertEquals(400, reply.status(), reply.toString());
      assertEquals("Duplicate key in request body: services", reply.error());

      Http.Reply nested =
          new Http(server.uri())
              .post(
                  "/discovery",
                  "{\"services\": [{\"service\": \"ec2\", \"region\": \"a\", \"region\": \"b\","
                      + " \"provider\": \"aws\"}]}")
              .send();
      assertEquals("Duplicate key in request body: region", nested.error());

      Http.Reply key =
          new Http(server.uri())
              .post("/keys", "{\"grant_type\": \"api_key\", \"label\": \"a\", \"label\": \"b\"}")
              .session(server)
              .send();
      assertEquals(400, key.status(), key.toString());
      assertEquals("Duplicate key in request body: label", key.error());
    }
  }

  @Test
  void bindingBeyondLoopbackIsWarnedAbout() {
    try (StubServer local = StubServer.builder().build().start()) {
      assertTrue(local.exposureWarning().isEmpty());
    }
    try (StubServer wide = StubServer.builder().bindAddress("0.0.0.0").build().start()) {
      String warning = wide.exposureWarning().orElseThrow();
      assertTrue(warning.startsWith("listening on 0.0.0.0, not only on loopback"), warning);
      assertTrue(warning.contains("plain http") && warning.contains("session cookie"), warning);
    }
  }
}
