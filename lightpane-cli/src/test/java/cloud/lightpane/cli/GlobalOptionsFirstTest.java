package cloud.lightpane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.stub.StubServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Global options work before the command name as well as after it. */
class GlobalOptionsFirstTest {
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

  @Test
  void optionsBeforeTheCommandGiveTheSameOutputAsAfterIt() {
    String url = server.uri().toString();
    Cli.Result after =
        Cli.in(config).run("discover", "s3", "-r", "eu-west-2", "-o", "csv", "--base-url", url);
    Cli.Result before =
        Cli.in(config)
            .run(
                "--base-url", url, "--retries=0", "discover", "s3", "-r", "eu-west-2", "-o", "csv");
    assertEquals(0, after.exit(), after.toString());
    assertEquals(0, before.exit(), before.toString());
    assertEquals(after.out(), before.out());
  }

  @Test
  void flagsAndRepeatedVerboseMoveToo() {
    Cli.Result result =
        Cli.in(config)
            .run("-vv", "--embedded", "discover", "kms_keys", "-r", "eu-west-2", "-o", "jsonl");
    assertEquals(0, result.exit(), result.toString());
    assertTrue(result.out().startsWith("{\"service\":\"kms_keys\""), result.out());
    assertTrue(result.err().contains("POST"), "the -vv trace: " + result.err());
  }

  @Test
  void anUnknownLeadingOptionIsStillAUsageError() {
    Cli.Result result = Cli.in(config).run("--bogus", "discover", "s3");
    assertEquals(2, result.exit(), result.toString());
    assertTrue(result.err().contains("--bogus"), result.err());
  }
}
