package cloud.lightpane.stub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line: clear usage errors, never a stack trace. */
class StubMainTest {

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        StubMain.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--port abc | --port needs a whole number from 0 to 65535, got 'abc'",
        "--port 70000 | --port needs a whole number from 0 to 65535, got '70000'",
        "--port | --port needs a value",
        "--bind localhost | --bind needs an IP address such as 127.0.0.1 or ::1, got 'localhost'",
        "--rows-per-service -1 | --rows-per-service needs a whole number",
        "--default-rate-limit 0 | --default-rate-limit needs a whole number from 1",
        "--trust-proxy 10.0.0.0/40 | --trust-proxy needs an IP address or CIDR",
        "--verbose | unknown option '--verbose'",
        "serve | unexpected argument 'serve'",
        "--fixtures . --rows-per-service 5 | --fixtures and --rows-per-service cannot be used together",
        "--fault status:200 | --fault: bad fault 'status:200': needs a whole number from 400 to 599,"
            + " got '200'; expected KIND[:VALUE][,first=N|,every=N|,rate=P]",
        "--fault latency:1s,every=x | --fault: bad fault 'latency:1s,every=x': 'every=x': needs a"
            + " whole number of 1 or more, got 'x'",
        "--fault-seed -3 | --fault-seed needs a whole number from 0 to 9223372036854775807, got '-3'",
      })
  void usageErrors(String args, String message) {
    Run run = run(args.split(" "));
    assertEquals(2, run.code());
    assertTrue(run.err().contains("lightpane-stub: " + message), run.err());
    assertTrue(run.err().contains("--help"));
    assertFalse(run.err().contains("Exception"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void help() {
    Run run = run("--help");
    assertEquals(0, run.code());
    assertTrue(run.out().contains("--rows-per-service N"));
    for (ServerOptions.Flag flag : ServerOptions.flags()) {
      assertTrue(run.out().contains("  " + flag.name()), flag.name() + " in " + run.out());
    }
    assertTrue(
        run.out()
            .contains(
                "--head-timeout DURATION  time allowed to send a request's"
                    + " line and headers (default 10s)"),
        run.out());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--head-timeout 0 | --head-timeout needs a duration from 1ms to 1h",
        "--body-timeout soon | --body-timeout needs a duration from 1ms to 1h",
        "--threads 0 | --threads needs a whole number from 1 to 10000, got '0'",
        "--quiet=yes | --quiet takes no value",
      })
  void usageErrorsOfTheNewOptions(String args, String message) {
    Run run = run(args.split(" "));
    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().contains("lightpane-stub: " + message), run.err());
  }

  @Test
  void badFixturesAreReportedWithoutAStackTrace(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("ec2.json"), "{\"rows\": 5}");
    Run run = run("--fixtures", dir.toString(), "--port", "0");
    assertEquals(2, run.code());
    assertTrue(run.err().contains("ec2.json: $.rows: must be a list"), run.err());
  }

  @Test
  void aBadSnapshotIsReportedWithItsLine(@TempDir Path dir) throws IOException {
    Path snapshot = dir.resolve("estate.jsonl");
    Files.writeString(
        snapshot,
        "{\"service\":\"iam_users\",\"provider\":\"aws\",\"region\":\"global\",\"row\":{}}\n"
            + "{\"service\":\"iam_users\",\"provider\":\"aws\",\"region\":\"eu-west-2\",\"row\":{}}\n");
    Run run = run("--fixtures", snapshot.toString(), "--port", "0");
    assertEquals(2, run.code());
    assertEquals(
        "lightpane-stub: bad fixture: "
            + snapshot
            + ": line 2: 'eu-west-2': iam_users is global, recorded only in region \"global\"\n",
        run.err());
  }

  @Test
  void portInUse() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      Run run = run("--port", String.valueOf(taken.getLocalPort()));
      assertEquals(1, run.code());
      assertTrue(
          run.err().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), run.err());
    }
  }
}
