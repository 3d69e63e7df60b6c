package cloud.lightpane.stub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executable jar as a real process: keys created over HTTP survive a SIGKILL in the middle of
 * creating more, and a restart on the same data directory finds every key it acknowledged.
 */
class StubJarIT {

  @TempDir Path dataDir;

  /** A running jar: its process, base URL and session cookie. */
  private record Running(Process process, URI uri, String cookie) {}

  private Running start(Path log) throws Exception {
    String jar = System.getProperty("stub.jar", "target/lightpane-stub-0.1.0-SNAPSHOT.jar");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(), "-jar", jar, "--port", "0", "--data-dir", dataDir.toString())
            .redirectError(log.toFile())
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    ExecutorService reader = Executors.newSingleThreadExecutor();
    try {
      String[] lines =
          reader
              .submit(() -> new String[] {out.readLine(), out.readLine()})
              .get(60, TimeUnit.SECONDS);
      assertTrue(
          lines[0] != null && lines[0].startsWith("http://127.0.0.1:"), String.valueOf(lines[0]));
      assertTrue(lines[1] != null && lines[1].startsWith("lightpane_session="));
      return new Running(process, URI.create(lines[0]), lines[1]);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new AssertionError("the jar did not start: " + Files.readString(log), e);
    } finally {
      reader.shutdownNow();
    }
  }

  @Test
  void keysAcknowledgedBeforeSigkillSurviveARestart() throws Exception {
    Path log = dataDir.resolveSibling(dataDir.getFileName() + "-stub.log");
    Running first = start(log);
    Map<String, String> acknowledged = new ConcurrentHashMap<>(); // grant id -> token
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch enough = new CountDownLatch(40);
    ExecutorService creators = Executors.newFixedThreadPool(6);
    try {
      for (int t = 0; t < 6; t++) {
        int thread = t;
        creators.submit(
            () -> {
              Http http = new Http(first.uri());
              for (int i = 0; i < 1000 && !stop.get(); i++) {
                try {
                  Http.Reply reply =
                      http.post(
                              "/keys",
                              "{\"grant_type\": \"api_key\", \"label\": \"k"
                                  + thread
                                  + "-"
                                  + i
                                  + "\"}")
                          .header("Cookie", first.cookie())
                          .send();
                  if (reply.status() == 201) {
                    JsonNode body = reply.json();
                    acknowledged.put(
                        body.at("/grant/grant_id").asText(), body.get("token").asText());
                    enough.countDown();
                  }
                } catch (RuntimeException e) {
                  return; // the server was killed under this request: never acknowledged
                }
              }
            });
      }
      assertTrue(enough.await(60, TimeUnit.SECONDS), "40 keys created");
      // SIGKILL while the creators are still sending.
      first.process().destroyForcibly();
      assertTrue(first.process().waitFor(30, TimeUnit.SECONDS));
      assertEquals(137, first.process().exitValue(), "killed by SIGKILL");
    } finally {
      stop.set(true);
      creators.shutdown();
      assertTrue(creators.awaitTermination(60, TimeUnit.SECONDS));
      first.process().destroyForcibly();
    }

    Set<String> expected = new HashSet<>(acknowledged.keySet());
    Running second = start(log);
    try {
      Http http = new Http(second.uri());
      Http.Reply listing = http.get("/keys").header("Cookie", second.cookie()).send();
      assertEquals(200, listing.status());
      Set<String> listed = new HashSet<>();
      for (JsonNode grant : listing.json().get("grants")) {
        listed.add(grant.get("grant_id").asText());
      }
      assertTrue(listed.containsAll(expected), "lost: " + difference(expected, listed));
      String token = acknowledged.values().iterator().next();
      Http.Reply discovery =
          http.post(
                  "/discovery",
                  "{\"services\": [{\"service\": \"ec2\", \"provider\": \"aws\", \"region\": \"eu-west-2\"}]}")
              .bearer(token)
              .send();
      assertEquals(200, discovery.status(), discovery.body());
      String stored = Files.readString(dataDir.resolve("grants.json"));
      for (String raw : acknowledged.values()) {
        assertFalse(stored.contains(raw.substring(7)), "a raw token on disk");
      }
      // The server writes the line as it answers, through another process's stderr: wait for it
      // (bounded) rather than read the file the instant the answer arrives.
      String requests = Files.readString(log);
      for (int i = 0; i < 100 && !requests.contains("POST /discovery 200"); i++) {
        Thread.sleep(100);
        requests = Files.readString(log);
      }
      assertFalse(requests.contains(token.substring(7)), "a raw token in the log");
      assertTrue(requests.contains("POST /discovery 200"), requests);
    } finally {
      second.process().destroy(); // SIGTERM: a clean stop
      assertTrue(second.process().waitFor(30, TimeUnit.SECONDS));
      assertTrue(Files.readString(log).contains("lightpane-stub: stopped"));
    }
  }

  private static List<String> difference(Set<String> expected, Set<String> listed) {
    List<String> missing = new ArrayList<>(expected);
    missing.removeAll(listed);
    return missing;
  }
}
