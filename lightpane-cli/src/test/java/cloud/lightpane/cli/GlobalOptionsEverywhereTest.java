package cloud.lightpane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.stub.StubServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every global option works before and after a nested command, and bad values are usage errors. */
class GlobalOptionsEverywhereTest {
  private static StubServer server;

  @TempDir Path config;

  @BeforeAll
  static void start() {
    server = StubServer.builder().build().start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private Cli.Result keysList(String position, String... global) {
    String[] args = new String[global.length + 2];
    if (position.equals("before")) {
      System.arraycopy(global, 0, args, 0, global.length);
      args[global.length] = "keys";
      args[global.length + 1] = "list";
    } else {
      args[0] = "keys";
      args[1] = "list";
      System.arraycopy(global, 0, args, 2, global.length);
    }
    return Cli.in(config).env("LIGHTPANE_SESSION", server.sessionCookie()).run(args);
  }

  @Test
  void baseUrlBeforeAndAfterANestedCommand() {
    for (String position : new String[] {"before", "after"}) {
      Cli.Result result = keysList(position, "--base-url", server.uri().toString());
      assertEquals(0, result.exit(), position + ": " + result);
      assertEquals("(no keys)\n", result.out(), position);
    }
  }

  @Test
  void profileTimeoutRetriesNoColorAndVerboseBeforeAndAfter() throws Exception {
    Path profiles = Files.createDirectories(config.resolve("profiles"));
    Files.writeString(profiles.resolve("p.properties"), "base_url=" + server.uri() + "\n");
    for (String position : new String[] {"before", "after"}) {
      Cli.Result result =
          keysList(
              position, "--profile", "p", "--timeout", "5s", "--retries", "1", "--no-color", "-vv");
      assertEquals(0, result.exit(), position + ": " + result);
      assertTrue(result.err().contains("timeout = 5s from --timeout"), result.err());
      assertTrue(result.err().contains("retries = 1 from --retries"), result.err());
      assertTrue(result.err().contains("base_url = " + server.uri() + " from profile 'p'"));
      assertTrue(result.err().contains("lightpane: GET " + server.uri() + "/keys"), result.err());
    }
  }

  @Test
  void embeddedAndApiKeyFileBeforeAndAfter() throws Exception {
    Path key = Files.writeString(config.resolve("key"), "csl_ak_" + "C".repeat(43));
    for (String position : new String[] {"before", "after"}) {
      Cli.Result result = keysList(position, "--embedded", "--api-key-file", key.toString());
      assertEquals(0, result.exit(), position + ": " + result);
      assertEquals("(no keys)\n", result.out(), position);
    }
  }

  @Test
  void verboseCountsAcrossPositions() {
    Cli.Result result =
        Cli.in(config).run("-v", "discover", "kms_keys", "-r", "eu-west-2", "--embedded", "-v");
    assertEquals(0, result.exit(), result.toString());
    assertTrue(result.err().contains("lightpane: output = table from default"), result.err());
  }

  @Test
  void helpListsTheGlobalOptions() {
    Cli.Result help = Cli.in(config).run("--help");
    for (String option :
        new String[] {
          "--base-url=URL",
          "--profile=NAME",
          "--embedded",
          "--timeout=DURATION",
          "--retries=N",
          "--api-key-file=FILE",
          "-v, --verbose",
          "--no-color"
        }) {
      assertTrue(help.out().contains(option), option + " in\n" + help.out());
    }
    Cli.Result list = Cli.in(config).run("keys", "list", "--help");
    assertTrue(
        list.out().contains("Global options (before or after the command name):\n"), list.out());
  }

  @Test
  void serveHelpOffersNoClientOption() {
    Cli.Result help = Cli.in(config).run("serve", "--help");
    assertEquals(0, help.exit());
    for (String option :
        new String[] {"--base-url", "--profile", "--embedded", "--timeout", "--retries", "--api"}) {
      assertFalse(help.out().contains(option), option + " in\n" + help.out());
    }
    assertTrue(help.out().contains("-v, --verbose"), help.out());
    Cli.Result before = Cli.in(config).run("--retries", "1", "serve", "--port", "0");
    assertEquals(2, before.exit(), before.toString());
    assertEquals(
        "lightpane: --retries does not apply to 'lightpane serve', which connects to no server:"
            + " leave it out\nTry 'lightpane serve --help' for more information.\n",
        before.err());
  }

  @Test
  void embeddedWithBaseUrlIsOneUsageError() {
    Cli.Result result =
        Cli.in(config).run("--embedded", "discover", "s3", "--base-url", "http://127.0.0.1:9");
    assertEquals(2, result.exit(), result.toString());
    assertEquals(
        "lightpane: --embedded and --base-url cannot be used together: pick one\n"
            + "Try 'lightpane discover --help' for more information.\n",
        result.err());
  }

  @Test
  void badTimeoutRetriesAndOutputAreUsageErrors() {
    Cli.Result timeout = Cli.in(config).run("discover", "s3", "--embedded", "--timeout", "5x");
    assertEquals(2, timeout.exit(), timeout.toString());
    assertTrue(
        timeout
            .err()
            .startsWith(
                "lightpane: timeout must be a duration such as 30s, 500ms, 2m or a number of"
                    + " seconds, not '5x' (from --timeout)\n"),
        timeout.err());
    Cli.Result retries = Cli.in(config).run("--retries", "11", "keys", "list", "--embedded");
    assertEquals(2, retries.exit(), retries.toString());
    assertTrue(
        retries.err().startsWith("lightpane: retries must be from 0 to 10 (from --retries)\n"),
        retries.err());
    Cli.Result word = Cli.in(config).run("keys", "list", "--embedded", "--retries", "two");
    assertEquals(2, word.exit(), word.toString());
    assertTrue(word.err().contains("not 'two' (from --retries)"), word.err());
    Cli.Result output = Cli.in(config).run("keys", "list", "--embedded", "-o", "xml");
    assertEquals(2, output.exit(), output.toString());
    assertTrue(
        output
            .err()
            .startsWith(
                "lightpane: Unknown output format 'xml': use table, csv, tsv, json, jsonl or markdown (from"
                    + " --output)\n"),
        output.err());
  }
}
