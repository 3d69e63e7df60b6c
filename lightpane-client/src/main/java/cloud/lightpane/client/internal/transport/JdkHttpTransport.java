package cloud.lightpane.client.internal.transport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;

/**
 * The default transport: {@code java.net.http.HttpClient}. HTTP/2 over TLS (plain {@code http}
 * stays on HTTP/1.1, so that no {@code h2c} upgrade is attempted), pooled connections, and async
 * calls that block no thread while waiting.
 */
public final class JdkHttpTransport implements HttpTransport {
  private final HttpClient client;
  private final boolean ownsClient;
  private final Watchdog watchdog;

  /**
   * Uses the given client.
   *
   * @param ownsClient whether {@link #close()} should close it (on Java 21 and later, where {@code
   *     HttpClient} can be closed)
   */
  public JdkHttpTransport(HttpClient client, boolean ownsClient, Watchdog watchdog) {
    this.client = client;
    this.ownsClient = ownsClient;
    this.watchdog = watchdog;
  }

  private HttpRequest toHttpRequest(TransportRequest request) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(request.uri())
            .timeout(request.effectiveTimeout())
            .method(
                request.method(),
                request.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    if ("http".equalsIgnoreCase(request.uri().getScheme())) {
      b.version(HttpClient.Version.HTTP_1_1);
    }
    request.headers().forEach(b::header);
    return b.build();
  }

  @Override
  public TransportResponse send(TransportRequest request) throws IOException, InterruptedException {
    HttpResponse<InputStream> response;
    try {
      response = client.send(toHttpRequest(request), HttpResponse.BodyHandlers.ofInputStream());
    } catch (ConnectException | HttpConnectTimeoutException e) {
      throw new NotSentException(e);
    }
    InputStream raw = response.body();
    InputStream body =
        watchdog.guard(
            raw,
            request.timeout(),
            request.deadlineNanos(),
            () -> {
              try {
                raw.close();
              } catch (IOException ignored) {
                // Closing is how the blocked read is woken; its own failure changes nothing.
              }
            });
    return new TransportResponse(response.statusCode(), response.headers().map(), body);
  }

  @Override
  public CompletableFuture<TransportResponse> sendAsync(TransportRequest request) {
    CompletableFuture<TransportResponse> result = new CompletableFuture<>();
    CompletableFuture<HttpResponse<byte[]>> exchange;
    java.util.concurrent.atomic.AtomicReference<BufferingSubscriber> subscriber =
        new java.util.concurrent.atomic.AtomicReference<>();
    try {
      exchange =
          client.sendAsync(
              toHttpRequest(request),
              info -> {
                BufferingSubscriber s = new BufferingSubscriber(request, watchdog, info, result);
                subscriber.set(s);
                if (result.isCancelled()) {
                  s.abandon();
                }
                return s;
              });
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
      return result;
    }
    // A whole body completes the result from the subscriber (see BufferingSubscriber#onComplete);
    // failures come here, where the JDK has wrapped them.
    exchange.whenComplete(
        (response, error) -> {
          if (error != null) {
            Throwable cause = unwrap(error);
            if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
              cause = new NotSentException((IOException) cause);
            }
            result.completeExceptionally(cause);
          } else if (!result.isDone()) {
            result.complete(
                new TransportResponse(
                    response.statusCode(),
                    response.headers().map(),
                    new ByteArrayInputStream(response.body())));
          }
        });
    // Cancelling our future cancels the exchange: the JDK then closes its connection.
    result.whenComplete(
        (r, e) -> {
          if (result.isCancelled()) {
            exchange.cancel(true);
            BufferingSubscriber s = subscriber.get();
            if (s != null) {
              s.abandon(); // the body may already be flowing: stop it and drop the connection
            }
          }
        });
    return result;
  }

  private static Throwable unwrap(Throwable t) {
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  @Override
  public void close() {
    if (ownsClient && client instanceof AutoCloseable) {
      // HttpClient is AutoCloseable from Java 21 on; on 17 its threads end when it is collected.
      try {
        ((AutoCloseable) client).close();
      } catch (Exception ignored) {
        // Closing is best effort; nothing is pending once the client is closed by its owner.
      }
    }
  }

  /** Collects a body in memory, giving up when the server is silent for too long. */
  private static final class BufferingSubscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final TransportRequest request;
    private final Watchdog watchdog;
    private final HttpResponse.ResponseInfo info;
    private final CompletableFuture<TransportResponse> result;
    private volatile Flow.Subscription subscription;
    private volatile long lastProgress = System.nanoTime();
    private volatile ScheduledFuture<?> timer;

    BufferingSubscriber(
        TransportRequest request,
        Watchdog watchdog,
        HttpResponse.ResponseInfo info,
        CompletableFuture<TransportResponse> result) {
      this.request = request;
      this.watchdog = watchdog;
      this.info = info;
      this.result = result;
    }

    private long expiry() {
      return Math.min(lastProgress + request.timeout().toNanos(), request.deadlineNanos());
    }

    private void arm() {
      if (!body.isDone()) {
        try {
          timer = watchdog.schedule(this::check, expiry() - System.nanoTime());
        } catch (java.util.concurrent.RejectedExecutionException clientClosed) {
          // The client was closed during this exchange: it goes on without a read timeout.
        }
      }
    }

    private void check() {
      if (body.isDone()) {
        return;
      }
      if (System.nanoTime() - expiry() >= 0) {
        Flow.Subscription s = subscription;
        if (s != null) {
          s.cancel();
        }
        body.completeExceptionally(
            request.deadlineNanos() != Long.MAX_VALUE
                    && System.nanoTime() - request.deadlineNanos() >= 0
                ? new Watchdog.DeadlineExceededException()
                : new SocketTimeoutException(
                    "the server sent nothing for " + request.timeout().toMillis() + " ms"));
      } else {
        arm();
      }
    }

    void abandon() {
      cancelTimer();
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
      body.cancel(false);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      if (body.isDone()) {
        subscription.cancel();
        return;
      }
      subscription.request(Long.MAX_VALUE);
      arm();
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      lastProgress = System.nanoTime();
      synchronized (out) {
        for (ByteBuffer b : buffers) {
          if (b.hasArray()) {
            out.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
            b.position(b.limit());
          } else {
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            out.write(chunk, 0, chunk.length);
          }
        }
      }
    }

    @Override
    public void onError(Throwable throwable) {
      cancelTimer();
      body.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      cancelTimer();
      byte[] bytes;
      synchronized (out) {
        bytes = out.toByteArray();
      }
      // The result is completed here, on the JDK client's thread that delivered the body, rather
      // than from the exchange's future: the JDK completes that one on yet another thread (a new
      // one per call on two cores), one more hand-over before the caller's continuation runs on
      // the client's executor (TransportExchange). The exchange's future still completes, and
      // changes nothing once this has.
      result.complete(
          new TransportResponse(
              info.statusCode(), info.headers().map(), new ByteArrayInputStream(bytes)));
      body.complete(bytes);
    }

    private void cancelTimer() {
      ScheduledFuture<?> t = timer;
      if (t != null) {
        t.cancel(false);
      }
    }
  }
}
