package cloud.lightpane.stub;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Requests java.net.http cannot make (bad framing, HEAD, a length with no body), on a socket. */
public final class RawHttp {

  private RawHttp() {}

  /** What came back: the bytes read and whether the server closed the connection. */
  public record Exchange(String text, boolean closedByServer) {
    public String statusLine() {
      int end = text.indexOf("\r\n");
      return end < 0 ? text : text.substring(0, end);
    }

    public int status() {
      String[] parts = statusLine().split(" ");
      return parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
    }

    public String body() {
      int start = text.indexOf("\r\n\r\n");
      return start < 0 ? "" : text.substring(start + 4);
    }

    /** A header of the (last) response, case-insensitive. */
    public String header(String name) {
      String head = text.substring(0, Math.max(0, text.indexOf("\r\n\r\n")));
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }
  }

  /**
   * Sends these bytes and reads until the server closes the connection or stays silent for {@code
   * quietMillis}.
   */
  public static Exchange send(URI base, String request, int quietMillis) {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(quietMillis);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Exchange read(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    boolean closed = false;
    try {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
      }
      closed = true;
    } catch (SocketTimeoutException e) {
      closed = false;
    } catch (IOException e) {
      closed = true; // reset: closed too
    }
    return new Exchange(out.toString(StandardCharsets.ISO_8859_1), closed);
  }
}
