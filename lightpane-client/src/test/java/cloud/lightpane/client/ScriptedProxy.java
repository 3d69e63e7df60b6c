package cloud.lightpane.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP proxy on loopback that demands Basic credentials: without the expected {@code
 * Proxy-Authorization} it answers {@code 407} with a Basic challenge. With them, a {@code CONNECT}
 * gets {@code 200} and is then closed (the test sees that the tunnel was granted, no TLS server is
 * needed), and a plain-http request gets {@code body} as a JSON 200, as if from the server. It
 * keeps every request head for the test.
 */
final class ScriptedProxy implements AutoCloseable {
  private final ServerSocket socket;
  private final String expected;
  private final String body;
  private final List<String> heads = new CopyOnWriteArrayList<>();

  ScriptedProxy(String user, String password, String body) throws IOException {
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.body = body;
    Thread acceptor = new Thread(this::serve, "scripted-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  ProxySelector selector() {
    return ProxySelector.of(new InetSocketAddress("127.0.0.1", socket.getLocalPort()));
  }

  int port() {
    return socket.getLocalPort();
  }

  /** Every request head received, in order. */
  List<String> heads() {
    return heads;
  }

  /** How many heads carried the expected credentials. */
  long authorized() {
    return heads.stream().filter(this::authorized).count();
  }

  private boolean authorized(String head) {
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
        Thread t = new Thread(() -> exchange(client), "scripted-proxy-exchange");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void exchange(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      while (true) {
        String head = readHead(in);
        if (head.isEmpty()) {
          return;
        }
        heads.add(head);
        in.readNBytes((int) contentLength(head));
        if (!authorized(head)) {
          out.write(
              ("HTTP/1.1 407 Proxy Authentication Required\r\n"
                      + "Proxy-Authenticate: Basic realm=\"scripted\"\r\n"
                      + "Content-Length: 0\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
          continue;
        }
        if (head.startsWith("CONNECT ")) {
          out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.UTF_8));
          out.flush();
          return; // the tunnel was granted; what went through it is not this test's business
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(
            ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                    + bytes.length
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
      }
    } catch (IOException e) {
      // The client went away.
    }
  }

  /** The request head, line by line up to the empty line; empty when the client went away. */
  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    for (String line = line(in); line != null; line = line(in)) {
      head.append(line).append("\r\n");
      if (line.isEmpty()) {
        return head.toString();
      }
    }
    return "";
  }

  /** One CRLF-terminated line without its CRLF, or null at the end of the stream. */
  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b >= 0; b = in.read()) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int length =
            bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
    }
    return null;
  }

  private static long contentLength(String head) {
    return head.lines()
        .filter(l -> l.regionMatches(true, 0, "content-length:", 0, 15))
        .mapToLong(l -> Long.parseLong(l.substring(15).strip()))
        .findFirst()
        .orElse(0);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
