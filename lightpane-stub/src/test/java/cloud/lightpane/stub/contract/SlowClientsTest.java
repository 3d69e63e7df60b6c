package cloud.lightpane.stub.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.stub.Http;
import cloud.lightpane.stub.StubServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Slow and idle clients cannot starve the others: requests have time limits for their head and
 * body, enough workers serve the rest meanwhile, and answers that close the connection linger
 * without holding a worker. Real sockets throughout.
 */
class SlowClientsTest {

  private static final String HALF_A_HEAD = "POST /discovery HTTP/1.1\r\nHost: x\r\nContent-";

  private static Socket connect(URI base) throws IOException {
    Socket socket = new Socket(base.getHost(), base.getPort());
    socket.setSoTimeout(15_000);
    return socket;
  }

  private static void send(Socket socket, String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().flush();
  }

  /** Reads until the server closes; true when it did (within the socket's 15 s timeout). */
  private static boolean closedByServer(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    try {
      while (in.read() >= 0) {
        // whatever it sent before closing
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset
    }
  }

  @Test
  void sixtyFourStalledConnectionsLeaveANormalRequestAnswered() throws IOException {
    List<Socket> stalled = new ArrayList<>();
    try (StubServer server = StubServer.builder().build().start()) {
      try {
        for (int i = 0; i < 64; i++) {
          Socket socket = connect(server.uri());
          send(socket, HALF_A_HEAD);
          stalled.add(socket);
        }
        // The client waits up to 20 s: a generous bound, not a latency check.
        Http.Reply reply = new Http(server.uri()).post("/discovery", ConstraintsTest.BODY).send();
        assertEquals(200, reply.status(), reply.toString());
      } finally {
        for (Socket socket : stalled) {
          socket.close();
        }
      }
    }
  }

  @Test
  void aHeadSentTooSlowlyIsClosedWithoutAnAnswer() throws IOException {
    try (StubServer server =
            StubServer.builder().headTimeout(Duration.ofMillis(300)).build().start();
        Socket socket = connect(server.uri())) {
      send(socket, HALF_A_HEAD);
      assertTrue(closedByServer(socket), "the server closes a head that never ends");
    }
  }

  @Test
  void anIdleConnectionHoldsNoWorker() throws IOException {
    try (StubServer server = StubServer.builder().threads(1).build().start();
        Socket idle = connect(server.uri())) {
      Http.Reply reply = new Http(server.uri()).post("/discovery", ConstraintsTest.BODY).send();
      assertEquals(200, reply.status(), reply.toString());
    }
  }

  @Test
  void aBodySentTooSlowlyIsClosedAndLogged() throws IOException {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    StubServer server =
        StubServer.builder()
            .bodyTimeout(Duration.ofMillis(300))
            .requestLog(new PrintStream(log, true, StandardCharsets.UTF_8))
            .build()
            .start();
    try (server;
        Socket socket = connect(server.uri())) {
      send(
          socket,
          "POST /discovery HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
              + "Content-Length: 100\r\n\r\n{\"services\":");
      assertTrue(closedByServer(socket), "the server closes a body that never ends");
    }
    // Closing the server waits for its workers, so the line is written by now.
    String line = log.toString(StandardCharsets.UTF_8);
    assertTrue(line.contains("POST /discovery"), line);
    assertTrue(line.contains("the body took longer than the time limit"), line);
  }

  @Test
  void aSlowClientWithinTheLimitsIsServed() throws IOException {
    try (StubServer server =
            StubServer.builder()
                .headTimeout(Duration.ofSeconds(10))
                .bodyTimeout(Duration.ofSeconds(10))
                .build()
                .start();
        Socket socket = connect(server.uri())) {
      String body = ConstraintsTest.BODY;
      send(socket, HALF_A_HEAD);
      send(
          socket,
          "Type: application/json\r\nConnection: close\r\nContent-Length: "
              + body.getBytes(StandardCharsets.UTF_8).length
              + "\r\n\r\n");
      send(socket, body);
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
    }
  }

  @Test
  void aLingeringCloseHoldsNoWorker() throws IOException {
    // One worker only: on a server that lingers on its worker, the second request waits for the
    // first connection to close; here it is answered while the first still lingers.
    try (StubServer server = StubServer.builder().threads(1).build().start();
        Socket tooLarge = connect(server.uri())) {
      send(
          tooLarge,
          "POST /discovery HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
              + "Content-Length: 5000000\r\n\r\n");
      InputStream in = tooLarge.getInputStream();
      byte[] status = in.readNBytes(12);
      assertEquals("HTTP/1.1 413", new String(status, StandardCharsets.ISO_8859_1));

      Http.Reply reply = new Http(server.uri()).post("/discovery", ConstraintsTest.BODY).send();
      assertEquals(200, reply.status(), reply.toString());

      tooLarge.setSoTimeout(1);
      // Still open (lingering) after the other request's answer: reading times out.
      byte[] rest = new byte[8192];
      assertThrows(
          SocketTimeoutException.class,
          () -> {
            while (in.read(rest) >= 0) {
              // the rest of the 413
            }
          });
      tooLarge.setSoTimeout(15_000);
      assertTrue(closedByServer(tooLarge), "and closed after the linger");
      assertFalse(tooLarge.isInputShutdown());
    }
  }
}
