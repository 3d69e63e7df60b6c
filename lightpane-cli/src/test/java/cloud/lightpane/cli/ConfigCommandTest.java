package cloud.lightpane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.stub.StubServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lightpane config} and profiles feeding the other commands. */
class ConfigCommandTest {
  @TempDir Path config;

  @Test
  void aProfileSuppliesSettingsAndSecretsNeverShow() throws Exception {
    try (StubServer server = StubServer.builder().build().start()) {
      Cli cli = Cli.in(config);
      assertEquals(
          0,
          cli.run("config", "set", "--profile", "demo", "base_url", server.uri().toString())
              .exit());
      assertEquals(0, cli.run("config", "set", "--profile", "demo", "region", "eu-west-2").exit());
      Cli.Result secret =
          Cli.in(config)
              .stdin(server.sessionCookie() + "\n")
              .run("config", "set", "--profile", "demo", "session");
      assertEquals(0, secret.exit(), secret.toString());
      assertFalse(secret.toString().contains(server.sessionCookie()), "secret echoed");

      Cli.Result list = cli.run("config", "list", "--profile", "demo");
      assertTrue(list.out().contains("region=eu-west-2"), list.out());
      assertTrue(list.out().contains("session="), list.out());
      assertFalse(list.toString().contains(server.sessionCookie()));

      Cli.Result keys = Cli.in(config).env("LIGHTPANE_PROFILE", "demo").run("keys", "list");
      assertEquals(0, keys.exit(), "the profile's session and base_url were used: " + keys);

      Cli.Result discover = cli.run("discover", "s3", "--profile", "demo", "-o", "csv");
      assertEquals(0, discover.exit(), discover.toString());
      assertTrue(discover.out().startsWith("bucket_name,"), discover.out());

      Cli.Result flagWins =
          cli.run(
              "discover",
              "s3",
              "--profile",
              "demo",
              "-o",
              "csv",
              "--base-url",
              "http://127.0.0.1:9",
              "--retries",
              "0");
      assertEquals(7, flagWins.exit(), "--base-url beats the profile");

      assertTrue(
          Files.readString(Path.of(cli.run("config", "path", "--profile", "demo").out().strip()))
              .contains("region=eu-west-2"));
      assertEquals(0, cli.run("config", "unset", "--profile", "demo", "region").exit());
      assertEquals(2, cli.run("discover", "s3", "--profile", "demo").exit(), "no region any more");
    }
  }

  @Test
  void secretsAreRefusedOnTheCommandLine() {
    Cli.Result result = Cli.in(config).run("config", "set", "api_key", "csl_ak_" + "x".repeat(43));
    assertEquals(2, result.exit());
    assertTrue(result.err().contains("never taken on the command line"), result.err());
    assertFalse(result.err().contains("xxxxxxxx"));
  }

  @Test
  void unknownKeysAndProfilesAreUsageErrors() {
    assertEquals(2, Cli.in(config).run("config", "set", "colour", "red").exit());
    Cli.Result missing =
        Cli.in(config).run("discover", "s3", "-r", "eu-west-2", "--profile", "nope");
    assertEquals(2, missing.exit());
    assertTrue(missing.err().contains("No profile 'nope'"), missing.err());
  }
}
