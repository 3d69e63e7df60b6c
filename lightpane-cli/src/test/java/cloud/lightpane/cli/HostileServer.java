package cloud.lightpane.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A server on loopback that answers every request with exactly the bytes a test scripts: a status
 * line and headers no real server would send, a body that drips or never ends. It reads each
 * request's head and body first, and keeps the heads for the test to inspect.
 */
final class HostileServer implements AutoCloseable {
  /** Writes the whole answer to one request. */
  interface Answer {
    void write(OutputStream out) throws IOException, InterruptedException;
  }

  private final ServerSocket socket;
  private final Answer answer;
  private final List<String> heads = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  private HostileServer(Answer answer) throws IOException {
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.answer = answer;
    this.acceptor = new Thread(this::serve, "hostile-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A server that gives every request {@code answer}. */
  static HostileServer answering(Answer answer) throws IOException {
    return new HostileServer(answer);
  }

  /** A server that gives every request these bytes (ISO-8859-1 head, UTF-8 body) and closes. */
  static HostileServer answering(String head, byte[] body) throws IOException {
    return new HostileServer(
        out -> {
          out.write(
              (head + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
          out.write(body);
        });
  }

  /** A JSON answer with this status and body text. */
  static HostileServer json(int status, String body) throws IOException {
    return answering(
        "HTTP/1.1 " + status + " Scripted\r\nContent-Type: application/json",
        body.getBytes(StandardCharsets.UTF_8));
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort());
  }

  /** The request heads received so far, lower-cased header names kept as sent. */
  List<String> heads() {
    return heads;
  }

  private void serve() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        Thread worker = new Thread(() -> exchange(client), "hostile-exchange");
        worker.setDaemon(true);
        worker.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void exchange(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      String head = readHead(in);
      heads.add(head);
      long length = contentLength(head);
      in.readNBytes((int) Math.min(length, 1 << 20));
      OutputStream out = client.getOutputStream();
      answer.write(out);
      out.flush();
    } catch (IOException | InterruptedException e) {
      // The client went away: what a hostile server sees all the time.
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static long contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Long.parseLong(line.substring(15).strip());
      }
    }
    return 0;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
