package cloud.lightpane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.cli.kernel.ExitCodeMapper;
import cloud.lightpane.stub.KeySpec;
import cloud.lightpane.stub.MintedKey;
import cloud.lightpane.stub.StubServer;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every documented exit code, with the one line a user reads on stderr. */
class ExitCodesTest {
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

  private Cli cli() {
    return Cli.in(config).env("LIGHTPANE_BASE_URL", server.uri().toString());
  }

  @Test
  void usageErrorsAre2WithAPointerToHelp() {
    Cli.Result unknown = cli().run("discover", "ec2", "--regoin", "eu-west-2");
    assertEquals(2, unknown.exit(), unknown.toString());
    assertTrue(unknown.err().startsWith("lightpane: Unknown option: '--regoin'"), unknown.err());
    assertTrue(unknown.err().contains("Try 'lightpane discover --help'"), unknown.err());
    assertEquals("", unknown.out());

    Cli.Result noRegion = cli().run("discover", "ec2");
    assertEquals(2, noRegion.exit());
    assertTrue(noRegion.err().contains("No region for ec2"), noRegion.err());

    Cli.Result badFormat = cli().run("discover", "ec2", "-r", "eu-west-2", "-o", "xml");
    assertEquals(2, badFormat.exit());
    assertTrue(badFormat.err().contains("Unknown output format 'xml'"), badFormat.err());

    Cli.Result badTimeout =
        cli().env("LIGHTPANE_TIMEOUT", "soon").run("discover", "ec2", "-r", "eu-west-2");
    assertEquals(2, badTimeout.exit());
    assertTrue(badTimeout.err().contains("LIGHTPANE_TIMEOUT"), badTimeout.err());

    assertEquals(2, cli().run().exit(), "no command");
    assertEquals(2, cli().run("frobnicate").exit());
  }

  @Test
  void rejectedRequestsAre3AndNameTheCulprit() {
    Cli.Result region = cli().run("discover", "ec2", "-r", "eu-west-9");
    assertEquals(3, region.exit(), region.toString());
    assertTrue(
        region.err().startsWith("lightpane: Invalid region 'eu-west-9' for aws (HTTP 400)"),
        region.err());
    assertTrue(
        region.err().contains("did you mean eu-west-1, eu-west-2 or eu-west-3?"), region.err());
    assertFalse(region.err().contains("\tat "), "no stack trace without --verbose");

    Cli.Result service = cli().run("discover", "ec3", "-r", "eu-west-2");
    assertEquals(3, service.exit());
    assertTrue(
        service.err().contains("Invalid service identifier 'ec3' (HTTP 400); did you mean ec2?"),
        service.err());

    Cli.Result attribute = cli().run("discover", "ec2", "-r", "eu-west-2", "-a", "nmae");
    assertEquals(3, attribute.exit());
    assertTrue(attribute.err().contains("nmae is not a column of ec2 (HTTP 400)"), attribute.err());

    Cli.Result verbose = cli().run("discover", "ec2", "-r", "eu-west-9", "-v");
    assertEquals(3, verbose.exit());
    assertTrue(verbose.err().contains("\tat "), "stack trace with --verbose");
  }

  @Test
  void authenticationAndPermissionAre4AndNeverShowTheToken() {
    String unknown = "csl_ak_" + "A".repeat(43);
    Cli.Result result =
        cli().env("LIGHTPANE_API_KEY", unknown).run("discover", "ec2", "-r", "eu-west-2", "-v");
    assertEquals(4, result.exit(), result.toString());
    assertTrue(result.err().contains("(HTTP 401)"), result.err());
    assertFalse(result.toString().contains(unknown), "token leaked");

    MintedKey s3Only = server.mintKey(KeySpec.apiKey("s3 only").allowedServices("s3"));
    Cli.Result denied =
        cli().env("LIGHTPANE_API_KEY", s3Only.token()).run("discover", "ec2", "-r", "eu-west-2");
    assertEquals(4, denied.exit(), denied.toString());
    assertTrue(
        denied.err().contains("Service not permitted for this token (HTTP 403)"), denied.err());
    assertFalse(denied.toString().contains(s3Only.token()));

    Cli.Result noSession =
        Cli.in(config).env("LIGHTPANE_BASE_URL", server.uri().toString()).run("keys", "list");
    assertEquals(4, noSession.exit());
    assertTrue(noSession.err().contains("needs a session"), noSession.err());
  }

  @Test
  void rateLimitedIs5() {
    try (StubServer limited = StubServer.builder().defaultRateLimit(1).build().start()) {
      Cli cli = Cli.in(config).env("LIGHTPANE_BASE_URL", limited.uri().toString());
      assertEquals(0, cli.run("discover", "s3", "-r", "eu-west-2", "-o", "csv").exit());
      Cli.Result second =
          cli.run("discover", "s3", "-r", "eu-west-2", "-o", "csv", "--retries", "0");
      assertEquals(5, second.exit(), second.toString());
      assertTrue(second.err().contains("(HTTP 429)"), second.err());
      assertTrue(second.err().contains(". Retry after "), second.err());
    }
  }

  @Test
  void serverErrorsAndInvalidResponsesAre6() throws IOException {
    AtomicBoolean garbage = new AtomicBoolean();
    HttpServer broken =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    broken.createContext(
        "/discovery",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          byte[] body =
              (garbage.get()
                      ? "{\"results\": [ {\"metadata\": "
                      : "{\"error\":\"Internal failure\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(garbage.get() ? 200 : 500, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    broken.start();
    try {
      Cli cli =
          Cli.in(config)
              .env("LIGHTPANE_BASE_URL", "http://127.0.0.1:" + broken.getAddress().getPort());
      Cli.Result error = cli.run("discover", "s3", "-r", "eu-west-2", "--retries", "0");
      assertEquals(6, error.exit(), error.toString());
      assertTrue(error.err().contains("Internal failure (HTTP 500)"), error.err());

      garbage.set(true);
      Cli.Result truncated =
          cli.run("discover", "s3", "-r", "eu-west-2", "--retries", "0", "-o", "csv");
      assertEquals(6, truncated.exit(), truncated.toString());
      assertTrue(truncated.err().startsWith("lightpane: "), truncated.err());
      assertFalse(truncated.err().contains("\tat "));
    } finally {
      broken.stop(0);
    }
  }

  @Test
  void anUnreachableServerIs7AndSuggestsEmbedded() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Cli.Result result =
        Cli.in(config)
            .env("LIGHTPANE_BASE_URL", "http://127.0.0.1:" + port)
            .run("discover", "s3", "-r", "eu-west-2", "--retries", "0");
    assertEquals(7, result.exit(), result.toString());
    assertTrue(result.err().contains("--embedded"), result.err());
    assertEquals("", result.out());
  }

  @Test
  void aClosedPipeEndsQuietlyWithSuccess() {
    OutputStream closesAfterALine =
        new OutputStream() {
          private int written;

          @Override
          public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] bytes, int offset, int length) throws IOException {
            written += length;
            if (written > 100) {
              throw new IOException("Broken pipe");
            }
          }
        };
    Cli.Result result =
        cli()
            .stdout(closesAfterALine)
            .run("discover", "ec2", "s3", "-r", "eu-west-2,us-east-1", "-o", "csv");
    assertEquals(0, result.exit(), result.toString());
    assertEquals("", result.err());
  }

  @Test
  void interruptionMapsTo130() {
    assertEquals(130, new ExitCodeMapper().getExitCode(new InterruptedException()));
  }
}
