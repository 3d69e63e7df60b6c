package cloud.lightpane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user sees from a server or a proxy that is in the way: a wait of any size, a body that
 * drips, a proxy that wants credentials, plain http to a host that is not loopback.
 */
class HostileNetworkTest {
  private static final String KEY = "csl_ak_hostilenetworkkey0123456789abcd";

  @TempDir Path config;

  private Cli cli() {
    return Cli.in(config).env("LIGHTPANE_API_KEY", KEY);
  }

  /** {@code discover ec2 -r eu-west-2 --base-url BASE MORE...}. */
  private static Cli.Result discover(Cli cli, String base, String... more) {
    List<String> args =
        new ArrayList<>(List.of("discover", "ec2", "-r", "eu-west-2", "--base-url", base));
    args.addAll(List.of(more));
    return cli.run(args.toArray(new String[0]));
  }

  /** A proxy that answers every request, CONNECT included, with a Basic challenge. */
  private static HostileServer proxyThatWantsCredentials() throws java.io.IOException {
    return HostileServer.answering(
        "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"corp\"",
        new byte[0]);
  }

  @Test
  void aRetryAfterTooLargeForMillisecondsIsReportedAtItsSize() throws Exception {
    try (HostileServer server =
        HostileServer.answering(
            "HTTP/1.1 429 Scripted\r\nContent-Type: application/json\r\n"
                + "Retry-After: 9300000000000000",
            "{\"error\":\"Rate limit exceeded\"}".getBytes(StandardCharsets.UTF_8))) {
      Cli.Result run = discover(cli(), server.uri().toString());
      assertEquals(5, run.exit(), run.toString());
      assertEquals(
          "lightpane: Rate limit exceeded (HTTP 429). Retry after more than 107638888888 days. The"
              + " server asks to wait more than 107638888888 days, longer than the 1 min this"
              + " client waits by itself\n",
          run.err());
      assertEquals(1, server.heads().size(), "a wait past the cap is not waited for");
    }
  }

  @Test
  void maxTimeStopsABodyThatDripsWithExit7() throws Exception {
    byte[] start = ServerTextOnScreenTest.discovery("").getBytes(StandardCharsets.UTF_8);
    try (HostileServer server =
        HostileServer.answering(
            out -> {
              out.write(
                  ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000"
                          + "\r\n\r\n")
                      .getBytes(StandardCharsets.ISO_8859_1));
              out.write(start, 0, 40);
              // One space every 100 ms: never idle long enough for --timeout 1s to fire.
              while (true) {
                out.write(' ');
                out.flush();
                Thread.sleep(100);
              }
            })) {
      Cli.Result run =
          discover(cli(), server.uri().toString(), "--timeout", "1s", "--max-time", "2s");
      assertEquals(7, run.exit(), run.toString());
      assertTrue(
          run.err().startsWith("lightpane: POST /discovery gave up after 2 s, its deadline."),
          run.err());
      assertTrue(run.err().endsWith("(--max-time)\n"), run.err());
      assertEquals("", run.out());
    }
  }

  @Test
  void plainHttpWithAKeyToAnotherHostNeedsTheOptIn() throws Exception {
    Cli.Result refused = discover(cli(), "http://api.example.test");
    assertEquals(2, refused.exit(), refused.toString());
    assertEquals(
        "lightpane: Refusing to send an access key over plain http to api.example.test: anyone on"
            + " the network could read it. Use https, or add --allow-insecure-http (setting"
            + " allow_insecure_http) if the network is trusted\n",
        refused.err());
    assertFalse(refused.toString().contains(KEY));

    // With the opt-in the request goes (here through HTTP_PROXY, the scripted server standing in
    // for both the proxy and the API), and a warning says what it costs.
    String row = "{\"name\":\"web-1\",\"instance_id\":\"i-1\"}";
    try (HostileServer proxy = HostileServer.json(200, ServerTextOnScreenTest.discovery(row))) {
      Cli.Result allowed =
          discover(
              cli().env("HTTP_PROXY", proxy.uri().toString()),
              "http://api.example.test",
              "-o",
              "csv",
              "--allow-insecure-http");
      assertEquals(0, allowed.exit(), allowed.toString());
      assertEquals(
          "lightpane: warning: sending an access key over plain http to api.example.test"
              + " (--allow-insecure-http): anyone on the network can read it\n",
          allowed.err());
      assertTrue(allowed.out().contains("web-1"), allowed.out());
      assertTrue(
          proxy.heads().get(0).startsWith("POST http://api.example.test/discovery "),
          proxy.heads().toString());
    }
  }

  @Test
  void proxyCredentialsFromHttpsProxyAreSentAndA407IsAuthExit4() throws Exception {
    try (HostileServer proxy = proxyThatWantsCredentials()) {
      String env = "http://ci-bot:p%40ss:w0rd@127.0.0.1:" + proxy.uri().getPort();
      Cli.Result run = discover(cli().env("HTTPS_PROXY", env), "https://api.example.test", "-v");
      assertEquals(4, run.exit(), run.toString());
      assertTrue(
          run.err()
              .contains(
                  "lightpane: Proxy authentication required (HTTP 407). The proxy at 127.0.0.1:"
                      + proxy.uri().getPort()
                      + " refused to pass the request on without valid credentials: put its user"
                      + " and password in HTTPS_PROXY (http://user:password@host:port)"),
          run.err());
      String basic =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString("ci-bot:p@ss:w0rd".getBytes(StandardCharsets.UTF_8));
      assertTrue(
          proxy.heads().stream()
              .anyMatch(h -> h.startsWith("CONNECT api.example.test:443 ") && h.contains(basic)),
          proxy.heads().toString());
      assertFalse(run.toString().contains("w0rd"), "the proxy password is never shown");
      assertFalse(run.toString().contains(basic.substring(6)), "nor its Basic form");
      assertFalse(run.err().contains("Is the server running"), run.err());
    }
  }

  @Test
  void aNameThatMerelyStartsWith127GoesThroughTheProxy() throws Exception {
    try (HostileServer proxy = proxyThatWantsCredentials()) {
      Cli.Result run =
          discover(cli().env("HTTPS_PROXY", proxy.uri().toString()), "https://127.evil.example");
      assertEquals(4, run.exit(), run.toString());
      assertTrue(
          proxy.heads().get(0).startsWith("CONNECT 127.evil.example:443 "),
          proxy.heads().toString());
    }
  }
}
