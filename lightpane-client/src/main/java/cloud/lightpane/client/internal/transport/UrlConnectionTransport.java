package cloud.lightpane.client.internal.transport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URLConnection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The transport for short-lived processes: {@code java.net.HttpURLConnection}, HTTP/1.1. Nothing is
 * started before the first request and no selector thread delays JVM exit. Async calls run the
 * blocking exchange on the client's executor; cancelling one disconnects its socket.
 */
public final class UrlConnectionTransport implements HttpTransport {
  static {
    // A body given up on (deadline, idle timeout, cancel) is closed with its connection rather
    // than drained by the JDK's keep-alive cleaner thread: against a server that drips bytes for
    // ever the cleaner reads for ever, holding the stream's lock, and the caller's own close of
    // the same stream then waits on it for ever (seen as a hung --max-time under PIT's slower
    // agent). Bodies read to their end are still reused (TransportResponse.finish reads the
    // rest first). An application that set the property keeps its value.
    if (System.getProperty("http.KeepAlive.remainingData") == null) {
      System.setProperty("http.KeepAlive.remainingData", "0");
    }
  }

  private final Duration connectTimeout;
  private final ProxySelector proxySelector;
  private final Executor executor;
  private final Watchdog watchdog;
  private final ProxyCredentials proxyCredentials;

  /**
   * Creates the transport.
   *
   * @param proxySelector the proxy selector, or null for the JVM's default
   * @param proxyCredentials what to answer a proxy's 407 with, or null
   */
  public UrlConnectionTransport(
      Duration connectTimeout,
      ProxySelector proxySelector,
      ProxyCredentials proxyCredentials,
      Executor executor,
      Watchdog watchdog) {
    this.connectTimeout = connectTimeout;
    this.proxySelector = proxySelector;
    this.proxyCredentials = proxyCredentials;
    this.executor = executor;
    this.watchdog = watchdog;
  }

  @Override
  public TransportResponse send(TransportRequest request) throws IOException {
    return exchange(request, c -> {});
  }

  private TransportResponse exchange(TransportRequest request, Consumer<HttpURLConnection> opened)
      throws IOException {
    HttpURLConnection c = open(request);
    opened.accept(c);
    try {
      c.connect();
    } catch (IOException e) {
      c.disconnect();
      throw new NotSentException(e);
    }
    try {
      if (request.body() != null) {
        try (OutputStream out = c.getOutputStream()) {
          out.write(request.body());
        }
      }
      int status = c.getResponseCode();
      InputStream raw = status >= 400 ? c.getErrorStream() : c.getInputStream();
      if (raw == null) {
        raw = InputStream.nullInputStream();
      }
      InputStream body =
          watchdog.guard(raw, request.timeout(), request.deadlineNanos(), c::disconnect);
      return new TransportResponse(status, c.getHeaderFields(), body);
    } catch (IOException | RuntimeException e) {
      c.disconnect();
      throw e;
    }
  }

  private HttpURLConnection open(TransportRequest request) throws IOException {
    URLConnection connection;
    ProxySelector selector = proxySelector != null ? proxySelector : ProxySelector.getDefault();
    Proxy proxy = Proxy.NO_PROXY;
    if (selector != null) {
      List<Proxy> proxies = selector.select(request.uri());
      proxy = proxies == null || proxies.isEmpty() ? Proxy.NO_PROXY : proxies.get(0);
    }
    if (proxySelector != null) {
      connection = request.uri().toURL().openConnection(proxy);
    } else {
      connection = request.uri().toURL().openConnection();
    }
    HttpURLConnection c = (HttpURLConnection) connection;
    Duration connect = connectTimeout;
    if (request.deadlineNanos() != Long.MAX_VALUE) {
      Duration left =
          Duration.ofNanos(Math.max(1_000_000L, request.deadlineNanos() - System.nanoTime()));
      connect = left.compareTo(connect) < 0 ? left : connect;
    }
    c.setConnectTimeout(millis(connect));
    c.setReadTimeout(millis(request.effectiveTimeout()));
    c.setInstanceFollowRedirects(false);
    c.setUseCaches(false);
    c.setRequestMethod(request.method());
    request.headers().forEach(c::setRequestProperty);
    if (proxyCredentials != null) {
      c.setAuthenticator(proxyCredentials);
      if (proxy.type() == Proxy.Type.HTTP && "http".equalsIgnoreCase(request.uri().getScheme())) {
        // The proxy reads this request itself: answer its challenge before it is made, so that a
        // body in streaming mode (a key creation) is not refused for want of a second try. Never
        // for https, where headers go through the tunnel to the server.
        c.setRequestProperty("Proxy-Authorization", proxyCredentials.basicHeader());
      }
    }
    if (request.body() != null) {
      c.setDoOutput(true);
    }
    if (!request.idempotent()) {
      // Streaming mode is the one way to stop HttpURLConnection from silently sending a request
      // again after a broken connection: a key must never be created twice. Its cost: a 401 body
      // is dropped by HttpURLConnection in this mode (the status still arrives).
      c.setFixedLengthStreamingMode(request.body() == null ? 0 : request.body().length);
    }
    return c;
  }

  private static int millis(Duration d) {
    long ms = Math.max(1, d.toMillis());
    return ms > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) ms;
  }

  @Override
  public CompletableFuture<TransportResponse> sendAsync(TransportRequest request) {
    CompletableFuture<TransportResponse> result = new CompletableFuture<>();
    AtomicReference<HttpURLConnection> connection = new AtomicReference<>();
    Runnable task =
        () -> {
          if (result.isDone()) {
            return;
          }
          Consumer<HttpURLConnection> opened =
              c -> {
                connection.set(c);
                if (result.isCancelled()) {
                  c.disconnect();
                }
              };
          try (TransportResponse r = exchange(request, opened)) {
            byte[] bytes = r.body().readAllBytes();
            result.complete(
                new TransportResponse(r.status(), r.headers(), new ByteArrayInputStream(bytes)));
          } catch (Throwable t) {
            result.completeExceptionally(t);
          }
        };
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(e);
    }
    result.whenComplete(
        (r, e) -> {
          HttpURLConnection c = connection.get();
          if (result.isCancelled() && c != null) {
            c.disconnect();
          }
        });
    return result;
  }

  @Override
  public void close() {
    // Keep-alive sockets belong to the JVM-wide cache of HttpURLConnection; nothing of ours.
  }
}
