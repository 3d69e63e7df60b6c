package cloud.lightpane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.cli.terminal.TerminalFacts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text a hostile server sends (error messages, headers, cells, key labels) reaches the screen
 * escaped: it can neither drive the terminal nor forge a line. Expected lines are written out by
 * hand, backslashes and all.
 */
class ServerTextOnScreenTest {
  private static final String SESSION = "lightpane_session=s3cr3tsessionvalue";

  /** The example: retitle the window, erase the line, print a reassuring lie. */
  private static final String FORGED =
      "{\"error\":\"\\u001b]0;title\\u0007\\u001b[2K\\rAll good: 0 findings\"}";

  @TempDir Path config;

  private Cli.Result discover(HostileServer server, String... more) {
    String[] args = new String[6 + more.length];
    args[0] = "discover";
    args[1] = "ec2";
    args[2] = "-r";
    args[3] = "eu-west-2";
    args[4] = "--base-url";
    args[5] = server.uri().toString();
    System.arraycopy(more, 0, args, 6, more.length);
    return Cli.in(config).env("LIGHTPANE_RETRIES", "0").run(args);
  }

  @Test
  void anErrorMessageThatForgesTheScreenIsShownEscaped() throws Exception {
    try (HostileServer server = HostileServer.json(400, FORGED)) {
      Cli.Result run = discover(server);
      assertEquals(3, run.exit(), run.toString());
      assertEquals(
          "lightpane: \\u001b]0;title\\u0007\\u001b[2K\\rAll good: 0 findings (HTTP 400)."
              + " Check the request and try again\n",
          run.err());
      assertEquals("", run.out());
    }
  }

  @Test
  void theTraceOfVerboseShowsTheSameMessageEscaped() throws Exception {
    try (HostileServer server = HostileServer.json(400, FORGED)) {
      Cli.Result run = discover(server, "-v");
      assertEquals(3, run.exit(), run.toString());
      assertTrue(
          run.err().contains("-> 400 \\u001b]0;title\\u0007\\u001b[2K\\rAll good: 0 findings"),
          run.err());
      assertNoControlButNewline(run.err());
    }
  }

  @Test
  void aRedirectLocationIsShownEscaped() throws Exception {
    byte[] none = new byte[0];
    try (HostileServer server =
        HostileServer.answering(
            "HTTP/1.1 302 Found\r\nLocation: https://evil.example/\u009b2K\u0085next", none)) {
      Cli.Result run = discover(server);
      assertEquals(3, run.exit(), run.toString());
      assertTrue(
          run.err().contains("The server redirects to https://evil.example/\\u009b2K\\u0085next;"),
          run.err());
      assertNoControlButNewline(run.err());
    }
  }

  @Test
  void rateLimitHeadersAreShownEscaped() throws Exception {
    try (HostileServer server =
        HostileServer.answering(
            "HTTP/1.1 429 Too Many Requests\r\nRateLimit-Limit: 60\u009b1;1H", new byte[0])) {
      Cli.Result run = discover(server);
      assertEquals(5, run.exit(), run.toString());
      assertTrue(run.err().contains("The limit is 60\\u009b1;1H requests a minute."), run.err());
      assertNoControlButNewline(run.err());
    }
  }

  @Test
  void tableCellsEscapeBidiZeroWidthAndLineSeparators() throws Exception {
    String row = "{\"name\":\"a\\u202Eevil\\u2066x\\u200By\\u2028z\\uFEFF\",\"instance_id\":\"i\"}";
    try (HostileServer server = HostileServer.json(200, discovery(row))) {
      Cli.Result run = discover(server, "-a", "name,instance_id");
      assertEquals(0, run.exit(), run.toString());
      assertTrue(run.out().contains("a\\u202eevil\\u2066x\\u200by\\u2028z\\ufeff"), run.toString());
      assertNoControlButNewline(run.out());
    }
  }

  @Test
  void jsonAndJsonLinesAlwaysEscapeC1AndBidiControls() throws Exception {
    String row = "{\"name\":\"x\\u009b31my\\u202Ez\",\"instance_id\":\"i\"}";
    try (HostileServer server = HostileServer.json(200, discovery(row))) {
      for (TerminalFacts facts :
          new TerminalFacts[] {TerminalFacts.piped(), new TerminalFacts(true, 80, true)}) {
        for (String format : new String[] {"json", "jsonl"}) {
          Cli.Result run =
              Cli.in(config)
                  .terminal(facts)
                  .run(
                      "discover",
                      "ec2",
                      "-r",
                      "eu-west-2",
                      "--base-url",
                      server.uri().toString(),
                      "-a",
                      "name,instance_id",
                      "-o",
                      format);
          assertEquals(0, run.exit(), run.toString());
          assertTrue(run.out().contains("\"x\\u009b31my\\u202ez\""), format + ": " + run.out());
        }
      }
    }
  }

  @Test
  void keyLabelsAndGrantIdsInNotesAreShownEscaped() throws Exception {
    String created =
        "{\"grant\":{\"grant_id\":\"g\\u001b[1A\",\"grant_type\":\"api_key\","
            + "\"label\":\"ci\\u202Etxt.exe\",\"token_prefix\":\"csl_ak_abcd\"},"
            + "\"token\":\"csl_ak_abcdefghijklmnopqrstuvwxyz012345\"}";
    try (HostileServer server = HostileServer.json(201, created)) {
      Cli.Result run =
          Cli.in(config)
              .env("LIGHTPANE_SESSION", SESSION)
              .run(
                  "keys",
                  "create",
                  "--type",
                  "api_key",
                  "--label",
                  "ci",
                  "--base-url",
                  server.uri().toString());
      assertEquals(0, run.exit(), run.toString());
      assertTrue(
          run.err().startsWith("lightpane: created api_key key 'ci\\u202etxt.exe' (g\\u001b[1A,"),
          run.err());
      assertNoControlButNewline(run.err());
    }
  }

  /** A one-result discovery response for ec2 in eu-west-2 holding {@code row}. */
  static String discovery(String row) {
    return "{\"results\":[{\"metadata\":{\"service\":\"ec2\",\"provider\":\"aws\","
        + "\"region\":\"eu-west-2\",\"count\":1},\"columns\":[{\"key\":\"name\"},"
        + "{\"key\":\"instance_id\"}],\"rows\":["
        + row
        + "]}]}";
  }

  /**
   * No raw character that moves the cursor, reorders or hides text (a stack trace's tabs aside).
   */
  private static void assertNoControlButNewline(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean raw =
          (c < 0x20 && c != '\n' && c != '\t')
              || (c >= 0x7f && c < 0xa0)
              || (c >= 0x202a && c <= 0x202e)
              || (c >= 0x2066 && c <= 0x2069)
              || c == 0x200b
              || c == 0x2028
              || c == 0xfeff;
      assertFalse(raw, "raw U+" + Integer.toHexString(c) + " at " + i + " of " + bytes.length);
    }
  }
}
