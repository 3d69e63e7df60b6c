package cloud.lightpane.stub;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Arbitrary discovery and key bodies (and Content-Type values) sent to the reference server over a
 * real socket, with a valid session: every answer is 2xx or 4xx, never 5xx, never silence.
 * Regression mode (every build) replays {@code RequestBodiesFuzzTestInputs}; {@code JAZZER_FUZZ=1}
 * fuzzes.
 */
class RequestBodiesFuzzTest {
  private static final String[] PATHS = {"/discovery", "/keys"};
  private static StubServer server;

  @BeforeAll
  static void start() {
    server = StubServer.builder().build().start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @FuzzTest(maxDuration = "60s")
  void bodiesGetA2xxOr4xx(FuzzedDataProvider data) {
    String path = PATHS[data.consumeInt(0, PATHS.length - 1)];
    String type =
        data.consumeBoolean()
            ? "application/json"
            : data.consumeAsciiString(60).replaceAll("[\r\n]", "");
    byte[] body = data.consumeRemainingAsBytes();
    String request =
        "POST "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: "
            + server.sessionCookieHeader()
            + "\r\nContent-Type: "
            + type
            + "\r\nContent-Length: "
            + body.length
            + "\r\nConnection: close\r\n\r\n"
            + new String(body, StandardCharsets.ISO_8859_1);
    RawHttp.Exchange answer = RawHttp.send(server.uri(), request, 10_000);
    int status = answer.status();
    if (status < 200 || status >= 500 || (status >= 300 && status < 400)) {
      throw new AssertionError(
          "HTTP " + status + " for " + path + " (" + type + "): " + answer.statusLine());
    }
  }
}
