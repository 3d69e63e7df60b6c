package cloud.lightpane.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * An https proxy on loopback that demands Basic credentials, as a corporate one does: a {@code
 * CONNECT} without the expected {@code Proxy-Authorization} gets {@code 407} with a Basic
 * challenge; with them, {@code 200}, and the tunnel is then served with the certificate of {@code
 * keyStore} and relayed as plain http to {@code target} (a reference server), so that the command
 * on the other side runs to its end. It keeps every request head it received.
 */
final class TunnelProxy implements AutoCloseable {
  private final ServerSocket socket;
  private final String expected;
  private final SSLContext tls;
  private final int target;
  private final List<String> heads = new CopyOnWriteArrayList<>();

  TunnelProxy(String user, String password, Path keyStore, char[] storePassword, int target)
      throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = java.nio.file.Files.newInputStream(keyStore)) {
      keys.load(in, storePassword);
    }
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(keys, storePassword);
    this.tls = SSLContext.getInstance("TLS");
    tls.init(factory.getKeyManagers(), null, null);
    this.expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.target = target;
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::serve, "tunnel-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  /** Every request head received, in order. */
  List<String> heads() {
    return heads;
  }

  /** Whether {@code head} carries the expected credentials (the header name in any case). */
  boolean authorized(String head) {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0
          && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals("proxy-authorization")
          && line.substring(colon + 1).strip().equals(expected)) {
        return true;
      }
    }
    return false;
  }

  private void serve() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        start(() -> exchange(client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void exchange(Socket client) {
    try {
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      while (true) {
        String head = head(in);
        if (head.isEmpty()) {
          client.close();
          return;
        }
        heads.add(head);
        if (!head.startsWith("CONNECT ") || !authorized(head)) {
          out.write(
              ("HTTP/1.1 407 Proxy Authentication Required\r\n"
                      + "Proxy-Authenticate: Basic realm=\"tunnel\"\r\n"
                      + "Content-Length: 0\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
          continue;
        }
        out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        SSLSocket inside =
            (SSLSocket) tls.getSocketFactory().createSocket(client, null, client.getPort(), true);
        inside.setUseClientMode(false);
        Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
        start(() -> pump(inside, server));
        pump(server, inside);
        return;
      }
    } catch (IOException e) {
      // The client went away.
    }
  }

  private static void pump(Socket from, Socket to) {
    try (from;
        to) {
      from.getInputStream().transferTo(to.getOutputStream());
    } catch (IOException e) {
      // One side closed: so does the other.
    }
  }

  private static void start(Runnable task) {
    Thread t = new Thread(task, "tunnel-proxy-exchange");
    t.setDaemon(true);
    t.start();
  }

  /** The request head up to its empty line (CRLFs kept), or empty when the client went away. */
  private static String head(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    for (int b = in.read(); b >= 0; b = in.read()) {
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) {
        return head.toString(StandardCharsets.ISO_8859_1);
      }
    }
    return "";
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
