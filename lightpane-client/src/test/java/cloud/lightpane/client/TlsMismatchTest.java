package cloud.lightpane.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * https to a peer that speaks plain http, through both transports, end to end: the handshake fails
 * once and is not retried. (Apart from RetryDecisionsTest because under PIT's agent its real
 * sockets failed the unmutated run now and then; FailureKindTest decides the same classification
 * without sockets, and PIT runs that.)
 */
class TlsMismatchTest extends WireMockSupport {

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aTlsFailureIsNotRetried(Transport transport) throws Exception {
    // https to a plain-http peer: the handshake fails, and would fail the same way again. The peer
    // reads the ClientHello, answers 400 in plain text and closes cleanly, every time (WireMock's
    // Jetty sometimes resets the connection instead, which reads as a connect failure: retried).
    AtomicInteger handshakes = new AtomicInteger();
    try (ServerSocket plain = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread peer =
          new Thread(
              () -> {
                while (!plain.isClosed()) {
                  try (Socket s = plain.accept()) {
                    handshakes.incrementAndGet();
                    s.getInputStream().read(new byte[16384]);
                    s.getOutputStream()
                        .write(
                            "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                    s.shutdownOutput();
                    s.getInputStream().transferTo(OutputStream.nullOutputStream());
                  } catch (IOException e) {
                    // the next connection, or the end of the test
                  }
                }
              });
      peer.setDaemon(true);
      peer.start();
      try (LightPaneClient client =
          builder(transport)
              .baseUrl("https://127.0.0.1:" + plain.getLocalPort())
              .maxRetries(3)
              .build()) {
        assertThrows(LightPaneTransportException.class, () -> client.discover(ec2()));
      }
    }
    assertEquals(List.of(), sleeps, "no wait: a TLS mismatch does not heal by itself");
    assertEquals(1, handshakes.get(), "one handshake, not retried");
  }
}
