package cloud.lightpane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The documented exit codes of failures only a scripted server produces: every 5xx is 6 (server), a
 * server that never answers is 7 (network), as docs/cli.md's table says.
 */
class FailureExitCodesTest {
  @TempDir Path config;

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504})
  void aServerErrorExits6(int status) throws Exception {
    try (FakeApi api =
        new FakeApi(body -> new FakeApi.Answer(status, "{\"error\":\"Upstream trouble\"}"))) {
      Cli.Result result =
          Cli.in(config)
              .env("LIGHTPANE_BASE_URL", api.url())
              .run("discover", "s3", "-r", "eu-west-2", "--retries", "0");
      assertEquals(6, result.exit(), result.toString());
      assertEquals(
          "lightpane: Upstream trouble (HTTP " + status + "). The server failed: try again later\n",
          result.err());
      assertEquals("", result.out());
      assertEquals(1, api.requests().size(), "--retries 0: one attempt");
    }
  }

  @Test
  void aServerThatNeverAnswersExits7() throws Exception {
    try (FakeApi api = new FakeApi(body -> new FakeApi.Answer(200, null))) {
      Cli.Result result =
          Cli.in(config)
              .env("LIGHTPANE_BASE_URL", api.url())
              .run("discover", "s3", "-r", "eu-west-2", "--retries", "0", "--timeout", "300ms");
      assertEquals(7, result.exit(), result.toString());
      assertTrue(result.err().startsWith("lightpane: "), result.err());
      assertTrue(result.err().endsWith(" (a longer --timeout may help)\n"), result.err());
      assertEquals("", result.out());
    }
  }
}
