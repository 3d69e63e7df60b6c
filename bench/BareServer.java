import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;

/**
 * The ceiling for the reference server: the JDK's HttpServer answering every request with the same
 * bytes (a file read once, sent with a Content-Length in one write), on as many threads. No auth,
 * no limiter, no JSON. (Chunked, a small body meets the JDK server's Nagle and delayed-ACK stall of
 * about 40 ms and the "ceiling" falls below the reference server.) Run as a single-file program:
 *
 * <pre>java bench/BareServer.java PORT BODY_FILE THREADS</pre>
 */
public final class BareServer {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    byte[] body = Files.readAllBytes(Path.of(args[1]));
    int threads = Integer.parseInt(args[2]);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext(
        "/",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
          }
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.setExecutor(Executors.newFixedThreadPool(threads));
    server.start();
    System.out.println("http://127.0.0.1:" + server.getAddress().getPort());
  }
}
