package cloud.lightpane.stub.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.stub.Http;
import cloud.lightpane.stub.RawHttp;
import cloud.lightpane.stub.junit.LightPaneStubExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Steps 1, 2 and 9: routing, methods, size and framing. */
class RoutingAndFramingTest {

  @RegisterExtension static LightPaneStubExtension stub = new LightPaneStubExtension();

  private static final String HEAD =
      "POST /discovery HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n";

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "GET, /",
    "POST, /discovery/",
    "POST, /discovery/x",
    "GET, /keys/",
    "DELETE, /keys/a/b",
    "POST, /v1/discovery",
    "GET, /DISCOVERY",
  })
  void unknownPathsAreNotFound(String method, String path) {
    Http.Reply reply = new Http(stub.uri()).method(method, path).send();
    assertEquals(404, reply.status());
    assertEquals("Not found", reply.error());
    assertEquals("application/json", reply.header("Content-Type"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "GET, /discovery, 'POST, OPTIONS'",
    "PUT, /discovery, 'POST, OPTIONS'",
    "DELETE, /keys, 'GET, POST'",
    "OPTIONS, /keys, 'GET, POST'",
    "GET, /keys/00000000-0000-4000-8000-000000000000, DELETE",
  })
  void otherMethodsAreNotAllowed(String method, String path, String allow) {
    Http.Reply reply = new Http(stub.uri()).method(method, path).send();
    assertEquals(405, reply.status());
    assertEquals("Method not allowed", reply.error());
    assertEquals(allow, reply.header("Allow"));
  }

  @Test
  void headIsNotAllowedEither() {
    RawHttp.Exchange reply =
        RawHttp.send(
            stub.uri(), "HEAD /discovery HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 5000);
    assertEquals(405, reply.status());
    assertEquals("POST, OPTIONS", reply.header("Allow"));
    assertEquals("", reply.body(), "a HEAD response has no body");
  }

  @Test
  void preflightToKeysIsRefused() {
    Http.Reply reply =
        new Http(stub.uri())
            .method("OPTIONS", "/keys")
            .header("Origin", "https://evil.example")
            .header("Access-Control-Request-Method", "POST")
            .send();
    assertEquals(403, reply.status());
    assertEquals("CORS is not allowed for /keys", reply.error());
    assertNull(reply.header("Access-Control-Allow-Origin"));
  }

  @Test
  void routingComesBeforeSize() {
    RawHttp.Exchange reply =
        RawHttp.send(
            stub.uri(), "POST /nope HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\n\r\n", 5000);
    assertEquals(404, reply.status());
    assertTrue(reply.closedByServer(), "the unread body ends the connection");
  }

  @Test
  void declaredBodyOverOneMebibyteIsRefusedAtOnceWithoutReadingIt() {
    // No body is sent at all: the answer cannot depend on reading it.
    RawHttp.Exchange reply =
        RawHttp.send(
            stub.uri(),
            HEAD + "Content-Length: 1048577\r\nAuthorization: Bearer nonsense\r\n\r\n",
            10_000);
    assertEquals(413, reply.status());
    assertTrue(reply.body().contains("\"Request body too large\""), reply.text());
    assertTrue(reply.closedByServer(), "the server closes the connection after the 413");
    assertTrue(!reply.text().contains("100 Continue"));
  }

  @Test
  void exactlyOneMebibyteIsAccepted() {
    // A valid JSON document padded with spaces to exactly 1 MiB.
    String json =
        "{\"services\": [{\"service\": \"ec2\", \"provider\": \"aws\", \"region\": \"eu-west-2\"}]}";
    char[] pad = new char[1_048_576 - json.length()];
    Arrays.fill(pad, ' ');
    Http.Reply reply = new Http(stub.uri()).post("/discovery", json + new String(pad)).send();
    assertEquals(200, reply.status());
  }

  @Test
  void chunkedBodyIsCutOffPastOneMebibyte() throws IOException {
    try (Socket socket = new Socket(stub.uri().getHost(), stub.uri().getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write((HEAD + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[65_536];
      Arrays.fill(chunk, (byte) ' ');
      try {
        // 17 chunks of 64 KiB pass 1 MiB; the server answers and closes, so writing may fail.
        for (int i = 0; i < 17; i++) {
          out.write("10000\r\n".getBytes(StandardCharsets.US_ASCII));
          out.write(chunk);
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
      } catch (IOException e) {
        // the server stopped reading: expected
      }
      InputStream in = socket.getInputStream();
      byte[] head = in.readNBytes(12);
      assertEquals("HTTP/1.1 413", new String(head, StandardCharsets.US_ASCII));
    }
  }

  @Test
  void brokenChunkedBodyIsMalformed() {
    RawHttp.Exchange reply =
        RawHttp.send(
            stub.uri(), HEAD + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n", 5000);
    assertEquals(400, reply.status());
    assertTrue(reply.body().contains("\"Malformed request\""), reply.text());
  }

  @Test
  void contentLengthWithASignIsMalformed() {
    RawHttp.Exchange reply = RawHttp.send(stub.uri(), HEAD + "Content-Length: +2\r\n\r\n{}", 5000);
    assertEquals(400, reply.status());
    assertTrue(reply.body().contains("\"Malformed request\""), reply.text());
  }

  @Test
  void bodyShorterThanItsLengthIsMalformed() throws IOException {
    try (Socket socket = new Socket(stub.uri().getHost(), stub.uri().getPort())) {
      socket.setSoTimeout(5000);
      socket
          .getOutputStream()
          .write((HEAD + "Content-Length: 10\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));
      socket.shutdownOutput();
      String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      assertTrue(text.startsWith("HTTP/1.1 400"), text);
      assertTrue(text.contains("\"Malformed request\""), text);
    }
  }

  /**
   * These framing errors are answered by the JDK's HTTP server before the stub's handler runs (see
   * reference-server.md): the status is the contract's, the body is the JDK's HTML.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Content-Length: abc | 400",
        "Content-Length: -1 | 400",
        "Content-Length: 2\\r\\nContent-Length: 3 | 400",
        "Transfer-Encoding: chunked\\r\\nContent-Length: 2 | 400",
        "Transfer-Encoding: gzip | 501",
        "Transfer-Encoding: gzip, chunked | 501",
      })
  void malformedFramingGetsTheContractsStatus(String headers, int status) {
    RawHttp.Exchange reply =
        RawHttp.send(stub.uri(), HEAD + headers.replace("\\r\\n", "\r\n") + "\r\n\r\n", 5000);
    assertEquals(status, reply.status(), reply.text());
    assertTrue(reply.closedByServer());
  }

  @Test
  void contentTypeMustBeJson() {
    String body = "{\"services\": []}";
    Http http = new Http(stub.uri());
    assertEquals(415, http.post("/discovery", body).noContentType().send().status());
    Http.Reply text = http.post("/discovery", body).header("Content-Type", "text/json").send();
    assertEquals(415, text.status());
    assertEquals("Content-Type must be application/json", text.error());
    // The media type in any case, with parameters: then the body is checked.
    Http.Reply ok =
        http.post("/discovery", body)
            .header("Content-Type", "APPLICATION/Json ; charset=UTF-8")
            .send();
    assertEquals("'services' must be a non-empty array", ok.error());
  }

  @Test
  void keepsTheConnectionForTheNextRequest() throws IOException {
    String body =
        "{\"services\": [{\"service\": \"kms_keys\", \"provider\": \"aws\", \"region\": \"eu-west-2\"}]}";
    String request = HEAD + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    try (Socket socket = new Socket(stub.uri().getHost(), stub.uri().getPort())) {
      socket.setSoTimeout(5000);
      socket
          .getOutputStream()
          .write(
              (request + "GET /nope HTTP/1.1\r\nHost: x\r\n\r\n" + request)
                  .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String text = new String(readFor(socket.getInputStream()), StandardCharsets.ISO_8859_1);
      assertEquals(3, text.split("HTTP/1.1 ", -1).length - 1, text);
    }
  }

  private static byte[] readFor(InputStream in) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        if (out.toString(StandardCharsets.ISO_8859_1).split("HTTP/1.1 ", -1).length > 3
            && out.toString(StandardCharsets.ISO_8859_1).endsWith("]}]}\r\n0\r\n\r\n")) {
          break;
        }
      }
    } catch (java.net.SocketTimeoutException e) {
      // read what came
    }
    return out.toByteArray();
  }
}
