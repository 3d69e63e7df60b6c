package cloud.lightpane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.stub.KeySpec;
import cloud.lightpane.stub.StubServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The environment variables of the help's table that shape a connection, each as a user sets it:
 * {@code HTTPS_PROXY}/{@code HTTP_PROXY}/{@code NO_PROXY}, {@code --api-key-file -} (the key on
 * stdin) and {@code LIGHTPANE_LOG=debug}. The terminal ones ({@code NO_COLOR}, {@code
 * CLICOLOR_FORCE}, {@code COLUMNS}) need a real process and terminal: {@link
 * cloud.lightpane.cli.terminal.TerminalWidthIT} runs the launcher under {@code script} and piped.
 */
class EnvironmentVariablesTest {
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

  /** A proxy that records the first line of each request and answers a fixed response. */
  private static final class RecordingProxy implements AutoCloseable {
    final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final ServerSocket socket;
    private final Thread thread;

    RecordingProxy(String response) throws Exception {
      socket = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
      thread =
          new Thread(
              () -> {
                while (!socket.isClosed()) {
                  try (Socket client = socket.accept()) {
                    BufferedReader in =
                        new BufferedReader(
                            new InputStreamReader(
                                client.getInputStream(), StandardCharsets.ISO_8859_1));
                    requestLines.add(in.readLine());
                    String line;
                    int length = 0;
                    while ((line = in.readLine()) != null && !line.isEmpty()) {
                      if (line.toLowerCase().startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                      }
                    }
                    in.skip(length);
                    OutputStream out = client.getOutputStream();
                    out.write(response.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                  } catch (Exception e) {
                    // closed
                  }
                }
              });
      thread.setDaemon(true);
      thread.start();
    }

    String url() {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }

    @Override
    public void close() throws Exception {
      socket.close();
      thread.join(5_000);
    }
  }

  private static final String DISCOVERY =
      "{\"results\":[{\"metadata\":{\"service\":\"s3\",\"service_label\":\"S3 Buckets\","
          + "\"provider\":\"aws\",\"region\":\"eu-west-2\",\"count\":1,"
          + "\"timestamp\":\"2026-03-28T14:30:00Z\"},"
          + "\"columns\":[{\"key\":\"bucket_name\",\"label\":\"Bucket\"}],"
          + "\"rows\":[{\"bucket_name\":\"via-proxy\"}]}]}";

  private static String ok(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
        + bytes.length
        + "\r\nConnection: close\r\n\r\n"
        + body;
  }

  @Test
  void httpProxyCarriesPlainHttpRequestsAndNoProxyBypassesIt() throws Exception {
    try (RecordingProxy proxy = new RecordingProxy(ok(DISCOVERY))) {
      Cli.Result result =
          Cli.in(config)
              .env("LIGHTPANE_BASE_URL", "http://api.example.test")
              .env("HTTP_PROXY", proxy.url())
              .run("discover", "s3", "-r", "eu-west-2", "-o", "csv", "--retries", "0");
      assertEquals(0, result.exit(), result.toString());
      assertEquals("bucket_name\r\nvia-proxy\r\n", result.out());
      assertEquals(List.of("POST http://api.example.test/discovery HTTP/1.1"), proxy.requestLines);

      Cli.Result bypassed =
          Cli.in(config)
              .env("LIGHTPANE_BASE_URL", "http://api.example.test")
              .env("HTTP_PROXY", proxy.url())
              .env("NO_PROXY", ".example.test")
              .run("discover", "s3", "-r", "eu-west-2", "-o", "csv", "--retries", "0");
      assertEquals(7, bypassed.exit(), "straight to a host that does not resolve: " + bypassed);
      assertEquals(1, proxy.requestLines.size(), "NO_PROXY kept the proxy out");
    }
  }

  @Test
  void httpsProxyTunnelsHttpsRequests() throws Exception {
    try (RecordingProxy proxy =
        new RecordingProxy("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")) {
      Cli.Result result =
          Cli.in(config)
              .env("LIGHTPANE_BASE_URL", "https://api.example.test")
              .env("https_proxy", proxy.url())
              .run("discover", "s3", "-r", "eu-west-2", "--retries", "0");
      assertEquals(7, result.exit(), result.toString());
      assertEquals(List.of("CONNECT api.example.test:443 HTTP/1.1"), proxy.requestLines);
    }
  }

  @Test
  void apiKeyFileDashReadsTheKeyFromStdinAndNeverShowsIt() {
    String token = server.mintKey(KeySpec.apiKey("stdin").allowedServices("s3")).token();
    Cli.Result result =
        Cli.in(config)
            .env("LIGHTPANE_BASE_URL", server.uri().toString())
            .stdin(token + "\n")
            .run("--api-key-file", "-", "discover", "ec2", "-r", "eu-west-2");
    // The key allows s3 only: a 403 proves this key, read from stdin, was the one sent.
    assertEquals(4, result.exit(), result.toString());
    assertEquals(
        "lightpane: Service not permitted for this token (HTTP 403). The key's allowed_services"
            + " does not include this service: use another key\n",
        result.err());
    assertFalse(result.toString().contains(token));

    Cli.Result empty =
        Cli.in(config)
            .env("LIGHTPANE_BASE_URL", server.uri().toString())
            .run("--api-key-file", "-", "discover", "s3", "-r", "eu-west-2");
    assertEquals(2, empty.exit(), empty.toString());
    assertEquals("lightpane: The file - is empty\n", empty.err());
  }

  @Test
  void lightpaneLogDebugTracesLikeVerbose() {
    Cli.Result traced =
        Cli.in(config)
            .env("LIGHTPANE_BASE_URL", server.uri().toString())
            .env("LIGHTPANE_LOG", "debug")
            .run("discover", "s3", "-r", "eu-west-2", "-o", "csv");
    assertEquals(0, traced.exit(), traced.toString());
    assertTrue(
        traced.err().startsWith("lightpane: POST " + server.uri() + "/discovery"), traced.err());

    Cli.Result quiet =
        Cli.in(config)
            .env("LIGHTPANE_BASE_URL", server.uri().toString())
            .run("discover", "s3", "-r", "eu-west-2", "-o", "csv");
    assertEquals(0, quiet.exit(), quiet.toString());
    assertEquals("", quiet.err(), "no trace without LIGHTPANE_LOG or -v");
    assertEquals(quiet.out(), traced.out(), "the trace never touches stdout");
  }
}
