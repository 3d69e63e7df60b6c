package cloud.lightpane.stub.soak;

import cloud.lightpane.stub.Http;
import cloud.lightpane.stub.KeySpec;
import cloud.lightpane.stub.MintedKey;
import cloud.lightpane.stub.RawHttp;
import cloud.lightpane.stub.StubServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A soak of the reference server: concurrent clients send a mix of normal, rate-limited, slow and
 * malformed requests for a while; every answer is checked against what its kind must get.
 */
final class Soak {

  static final String BODY =
      "{\"services\": [{\"service\": \"s3\", \"provider\": \"aws\", \"region\": \"us-east-1\"}]}";
  private static final String HEAD =
      "POST /discovery HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n";

  /** The kinds of request, each with the only answers it may get. */
  enum Kind {
    DISCOVER,
    KEYED,
    KEYS,
    BAD_JSON,
    DUPLICATE_KEY,
    TOO_LARGE,
    SLOW,
    BAD_METHOD
  }

  /** What a run did. */
  record Figures(
      long requests,
      Map<String, Long> byKindAndStatus,
      List<String> unexpected,
      long keyedAdmitted,
      long keyedRefused,
      int threadsAfterWarmUp,
      int threadsAtEnd,
      long rssKibAfterWarmUp,
      long rssKibAtEnd,
      Duration took) {}

  private Soak() {}

  static Figures run(int clients, Duration length, int keyLimit) throws Exception {
    Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicLong requests = new AtomicLong();
    long started = System.nanoTime();
    // Threads of servers other test classes left in this JVM are not this server's.
    java.util.Set<Thread> before = java.util.Set.copyOf(Thread.getAllStackTraces().keySet());
    try (StubServer server = StubServer.builder().build().start()) {
      MintedKey key = server.mintKey(KeySpec.apiKey("soak").rateLimitRpm(keyLimit));
      Http http = new Http(server.uri());
      long end = started + length.toNanos();
      long warmUpEnd = started + Math.min(length.toNanos() / 4, Duration.ofSeconds(3).toNanos());
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int client = c;
        running.add(
            pool.submit(
                () -> {
                  long i = client;
                  while (System.nanoTime() < end) {
                    Kind kind = Kind.values()[(int) (i++ % Kind.values().length)];
                    String outcome;
                    try {
                      outcome = kind + " " + send(kind, server, http, key);
                    } catch (RuntimeException | IOException e) {
                      outcome = kind + " " + e;
                    }
                    requests.incrementAndGet();
                    counts.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
                    if (!expected(kind, outcome)) {
                      unexpected.add(outcome);
                    }
                  }
                  return null;
                }));
      }
      while (System.nanoTime() < warmUpEnd) {
        Thread.sleep(50);
      }
      int threadsWarm = serverThreads(before);
      long rssWarm = rssKib();
      for (Future<?> f : running) {
        f.get(length.toSeconds() + 60, TimeUnit.SECONDS);
      }
      pool.shutdown();
      int threadsEnd = serverThreads(before);
      long rssEnd = rssKib();
      Map<String, Long> byKind = new java.util.TreeMap<>();
      counts.forEach((k, v) -> byKind.put(k, v.get()));
      return new Figures(
          requests.get(),
          byKind,
          List.copyOf(unexpected),
          byKind.getOrDefault("KEYED 200", 0L),
          byKind.getOrDefault("KEYED 429", 0L),
          threadsWarm,
          threadsEnd,
          rssWarm,
          rssEnd,
          Duration.ofNanos(System.nanoTime() - started));
    }
  }

  private static boolean expected(Kind kind, String outcome) {
    String status = outcome.substring(kind.name().length() + 1);
    return switch (kind) {
      case DISCOVER, KEYS, SLOW -> status.equals("200");
      case KEYED -> status.equals("200") || status.equals("429");
      case BAD_JSON, DUPLICATE_KEY -> status.equals("400");
      case TOO_LARGE -> status.equals("413");
      case BAD_METHOD -> status.equals("405");
    };
  }

  private static String send(Kind kind, StubServer server, Http http, MintedKey key)
      throws IOException {
    return switch (kind) {
      case DISCOVER -> Integer.toString(http.post("/discovery", BODY).send().status());
      case KEYED ->
          Integer.toString(http.post("/discovery", BODY).bearer(key.token()).send().status());
      case KEYS -> Integer.toString(http.get("/keys").session(server).send().status());
      case BAD_JSON ->
          Integer.toString(http.post("/discovery", "{\"services\": [").send().status());
      case DUPLICATE_KEY -> {
        Http.Reply reply = http.post("/discovery", "{\"services\": [], \"services\": []}").send();
        yield reply.status()
            + (reply.status() == 400
                    && !"Duplicate key in request body: services".equals(reply.error())
                ? " wrong message " + reply.error()
                : "");
      }
      case TOO_LARGE ->
          Integer.toString(
              RawHttp.send(server.uri(), HEAD + "Content-Length: 5000000\r\n\r\n", 10_000)
                  .status());
      case BAD_METHOD ->
          Integer.toString(
              RawHttp.send(
                      server.uri(),
                      "G\u001bET /keys HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                      10_000)
                  .status());
      case SLOW -> slow(server);
    };
  }

  /** A request sent in pieces, well within the time limits. */
  private static String slow(StubServer server) throws IOException {
    try (Socket socket = new Socket(server.uri().getHost(), server.uri().getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
      String[] pieces = {
        "POST /disc",
        "overy HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\n",
        "Content-Length: " + body.length + "\r\n\r\n",
        BODY.substring(0, 10),
        BODY.substring(10)
      };
      for (String piece : pieces) {
        out.write(piece.getBytes(StandardCharsets.UTF_8));
        out.flush();
        sleep(20);
      }
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      return answer.length() >= 12 ? answer.substring(9, 12) : "no answer";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Live threads of the server (its workers and watchdog): server threads not in {@code before}.
   */
  static int serverThreads(java.util.Set<Thread> before) {
    return (int)
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> !before.contains(t))
            .filter(t -> t.getName().startsWith("lightpane-stub") || t.getName().startsWith("HTTP"))
            .count();
  }

  /** This JVM's resident set, from /proc (0 where there is none). */
  static long rssKib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return 0;
  }
}
