package cloud.lightpane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lightpane serve}: prints what a script needs, serves it, stops. */
class ServeCommandTest {
  @TempDir Path config;

  @Test
  void servePrintsItsUrlAndSessionAnswersAndStopsOnInterrupt() throws Exception {
    PipedInputStream in = new PipedInputStream(1 << 16);
    OutputStream out = new PipedOutputStream(in);
    ExecutorService runner = Executors.newSingleThreadExecutor();
    Future<Cli.Result> serving =
        runner.submit(
            () ->
                Cli.in(config).stdout(out).run("serve", "--port", "0", "--rows-per-service", "7"));
    try {
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String url = lines.readLine();
      String session = lines.readLine();
      assertTrue(url.startsWith("http://127.0.0.1:"), url);
      assertTrue(session.startsWith("lightpane_session="), session);

      Cli.Result rows =
          Cli.in(config)
              .env("LIGHTPANE_BASE_URL", url)
              .run("discover", "ec2", "-r", "eu-west-2", "-o", "csv", "--no-header");
      assertEquals(0, rows.exit(), rows.toString());
      assertEquals(7, rows.out().split("\r\n").length);

      Cli.Result keys =
          Cli.in(config)
              .env("LIGHTPANE_BASE_URL", url)
              .env("LIGHTPANE_SESSION", session)
              .run("keys", "list");
      assertEquals(0, keys.exit(), "the printed session works: " + keys);
    } finally {
      // Interrupting the command is what Ctrl-C amounts to in-process: exit 130, server closed.
      runner.shutdownNow();
      Cli.Result result = serving.get(10, TimeUnit.SECONDS);
      assertEquals(130, result.exit(), result.toString());
    }
  }

  @Test
  void aPortInUseIsAUsageError() throws IOException {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Cli.Result result =
          Cli.in(config).run("serve", "--port", String.valueOf(taken.getLocalPort()));
      assertEquals(2, result.exit(), result.toString());
      assertTrue(result.err().contains("--port 0"), result.err());
    }
  }

  @Test
  void takesTheStubJarsOptionsWithItsWords() {
    Cli.Result help = Cli.in(config).run("serve", "--help");
    assertEquals(0, help.exit(), help.toString());
    for (String flag :
        List.of(
            "--port=N",
            "--bind=ADDRESS",
            "--fixtures=DIR",
            "--rows-per-service=N",
            "--data-dir=DIR",
            "--default-rate-limit=N",
            "--trust-proxy=CIDR",
            "--head-timeout=DURATION",
            "--body-timeout=DURATION",
            "--threads=N",
            "--quiet",
            "--log-requests")) {
      assertTrue(help.out().contains(flag), flag + " in " + help.out());
    }
    Cli.Result bad = Cli.in(config).run("serve", "--head-timeout", "0s");
    assertEquals(2, bad.exit(), bad.toString());
    assertTrue(
        bad.err()
            .contains(
                "--head-timeout needs a duration from 1ms to 1h such as 10s, 500ms or 2m, got '0s'"),
        bad.err());
    Cli.Result port = Cli.in(config).run("serve", "--port", "70000");
    assertEquals(2, port.exit(), port.toString());
    assertTrue(
        port.err().contains("--port needs a whole number from 0 to 65535, got '70000'"),
        port.err());
  }
}
