package cloud.lightpane.stub.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.stub.KeySpec;
import cloud.lightpane.stub.MintedKey;
import cloud.lightpane.stub.junit.LightPaneStubExtension;
import cloud.lightpane.stub.testing.RequiredTool;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * CORS in the only client that enforces it: headless Chromium loads a page from a second origin
 * (another port) whose script calls the stub with keys that do and do not allow that origin, and
 * writes what it saw into the page. Chromium is looked for where Debian and Ubuntu put it (or at
 * {@code $CHROME_BIN}); skipped without it, failed without it under CI.
 */
class BrowserCorsTest {

  /** Debian's package, Ubuntu's older package, the binaries behind their wrappers, the snap. */
  private static final String[] CHROMIUM = {
    "chromium",
    "chromium-browser",
    "/usr/lib/chromium/chromium",
    "/usr/lib/chromium-browser/chromium-browser",
    "/snap/bin/chromium",
    "google-chrome",
  };

  @RegisterExtension static LightPaneStubExtension stub = new LightPaneStubExtension();

  @TempDir Path profile;

  @Test
  void browserEnforcesAllowedOrigins() throws Exception {
    Path chromium = chromium();
    HttpServer pages =
        HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 8);
    try {
      String pageOrigin = "http://127.0.0.1:" + pages.getAddress().getPort();
      MintedKey allowed =
          stub.mintKey(KeySpec.embed("page").allowedOrigins(pageOrigin).rateLimitRpm(10));
      MintedKey elsewhere =
          stub.mintKey(KeySpec.embed("other site").allowedOrigins("https://elsewhere.example"));
      MintedKey open = stub.mintKey(KeySpec.apiKey("no origins"));
      String html = page(stub.uri().toString(), allowed.token(), elsewhere.token(), open.token());
      pages.createContext(
          "/",
          exchange -> {
            byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(bytes);
            }
          });
      pages.start();

      String dom = dumpDom(chromium, pageOrigin + "/");
      Matcher m = Pattern.compile("<pre id=\"out\">([^<]*)</pre>").matcher(dom);
      assertTrue(m.find(), dom);
      String outcome = m.group(1).trim();
      // The key that allows this origin: read the body and an exposed rate-limit header.
      assertTrue(outcome.contains("allowed=200:12:9"), outcome);
      // The key for another site: the 403 carries no Access-Control-Allow-Origin, the browser
      // hides the answer from the script.
      assertTrue(outcome.contains("elsewhere=blocked"), outcome);
      // No allowed_origins, and anonymous: open to every origin.
      assertTrue(outcome.contains("open=200:12"), outcome);
      assertTrue(outcome.contains("anonymous=200:12"), outcome);
      assertEquals(4, outcome.split(" ").length, outcome);
    } finally {
      pages.stop(0);
    }
  }

  private static Path chromium() {
    String configured = System.getenv("CHROME_BIN");
    if (configured != null && !configured.isBlank()) {
      return RequiredTool.find("Chromium ($CHROME_BIN)", configured);
    }
    return RequiredTool.find("Chromium", CHROMIUM);
  }

  private static String page(String stubUri, String allowed, String elsewhere, String open) {
    return """
        <!doctype html><html><body><pre id="out">pending</pre><script>
        const STUB = "%s";
        const BODY = JSON.stringify({services: [{service: "ec2", provider: "aws",
            region: "eu-west-2", attributes: ["name"]}]});
        async function probe(name, token) {
          const headers = {"Content-Type": "application/json"};
          if (token) { headers["Authorization"] = "Bearer " + token; }
          try {
            const r = await fetch(STUB + "/discovery", {method: "POST", headers, body: BODY});
            const json = await r.json();
            const remaining = r.headers.get("RateLimit-Remaining");
            return name + "=" + r.status + ":" + json.results[0].metadata.count
                + (remaining === null ? "" : ":" + remaining);
          } catch (e) {
            return name + "=blocked";
          }
        }
        (async () => {
          const out = [await probe("allowed", "%s"), await probe("elsewhere", "%s"),
                       await probe("open", "%s"), await probe("anonymous", null)];
          document.getElementById("out").textContent = out.join(" ");
        })();
        </script></body></html>
        """
        .formatted(stubUri, allowed, elsewhere, open);
  }

  private String dumpDom(Path browser, String url) throws IOException, InterruptedException {
    Path output = profile.resolve("dom.html");
    Process chromium =
        new ProcessBuilder(
                browser.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile.resolve("profile"),
                "--virtual-time-budget=10000",
                "--dump-dom",
                url)
            .redirectOutput(output.toFile())
            .redirectError(profile.resolve("chromium.log").toFile())
            .start();
    try {
      assertTrue(chromium.waitFor(90, TimeUnit.SECONDS), "Chromium did not finish");
    } finally {
      chromium.destroyForcibly();
    }
    return Files.readString(output);
  }
}
