package cloud.lightpane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Help, version and completion: what a person finds before reading the docs. */
class HelpAndCompletionTest {
  @TempDir Path config;

  @Test
  void everyCommandHasHelpWithExamplesOnStdout() {
    String[][] commands = {
      {"--help"},
      {"discover", "--help"},
      {"keys", "--help"},
      {"keys", "list", "--help"},
      {"keys", "create", "--help"},
      {"keys", "revoke", "--help"},
      {"serve", "--help"},
      {"config", "--help"},
      {"completion", "--help"},
      {"help", "discover"}
    };
    for (String[] command : commands) {
      Cli.Result result = Cli.in(config).run(command);
      assertEquals(0, result.exit(), String.join(" ", command) + "\n" + result);
      assertTrue(result.out().startsWith("Usage: lightpane"), result.out());
      assertTrue(result.out().contains("Examples:"), String.join(" ", command));
      assertEquals("", result.err());
    }
  }

  @Test
  void versionWithAndWithoutTheFastPath() {
    Cli.Result fast = Cli.in(config).run("--version");
    assertEquals(0, fast.exit());
    assertTrue(fast.out().matches("lightpane \\S+\\n"), fast.out());
    assertEquals(fast.out(), Cli.in(config).run("discover", "--version").out());
  }

  @Test
  void completionCoversTheWholeTree() {
    Cli.Result bash = Cli.in(config).run("completion", "bash");
    assertEquals(0, bash.exit(), bash.toString());
    for (String word :
        new String[] {
          "discover", "keys", "revoke", "serve", "--rows-per-service", "--excel-safe"
        }) {
      assertTrue(bash.out().contains(word), word);
    }
    assertEquals(2, Cli.in(config).run("completion", "fish").exit());
  }

  @Test
  void verboseTracesTheExchangeOnStderrWithoutTheToken() {
    // A real server and a real key: the request carries the token, the trace must not.
    java.io.ByteArrayOutputStream requests = new java.io.ByteArrayOutputStream();
    try (cloud.lightpane.stub.StubServer server =
        cloud.lightpane.stub.StubServer.builder()
            .requestLog(
                new java.io.PrintStream(requests, true, java.nio.charset.StandardCharsets.UTF_8))
            .build()
            .start()) {
      String token = server.mintKey(cloud.lightpane.stub.KeySpec.apiKey("trace")).token();
      Cli.Result result =
          Cli.in(config)
              .env("LIGHTPANE_BASE_URL", server.uri().toString())
              .env("LIGHTPANE_API_KEY", token)
              .run("discover", "s3", "-r", "eu-west-2", "-o", "csv", "-vv");
      assertEquals(0, result.exit(), result.toString());
      assertTrue(result.err().contains("lightpane: POST " + server.uri()), result.err());
      assertTrue(
          result.err().contains("csl_ak_..." + token.substring(token.length() - 4)),
          "the trace names the key masked: " + result.err());
      assertFalse(result.toString().contains(token), "the token leaked: " + result);
      // The server did receive this very key: its log names the key that called (not anonymous).
      String log = requests.toString(java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(
          log.matches(
              "(?s).* POST /discovery 200 \\d+ms key:csl_ak_\\.\\.\\."
                  + java.util.regex.Pattern.quote(token.substring(token.length() - 4))
                  + "\n"),
          "the server's log: " + log);
    }
  }
}
