package cloud.lightpane.client.internal.transport;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * Carries one request to the server and back: the only place the client touches an HTTP stack.
 * Retries, credentials, error mapping and logging happen above it, the same for every transport.
 *
 * <p>A failure to connect is reported as {@link NotSentException}, so that callers can tell a
 * request that never left from one that may have reached the server.
 */
public interface HttpTransport extends AutoCloseable {

  /**
   * Sends the request and returns once the response headers have arrived. The body stream gives up
   * with a {@link java.net.SocketTimeoutException} when the server sends nothing for the request's
   * timeout or the deadline passes.
   */
  TransportResponse send(TransportRequest request) throws IOException, InterruptedException;

  /**
   * Sends the request without blocking the caller; the future completes with the whole body in
   * memory. Cancelling the future abandons the exchange and closes its connection.
   */
  CompletableFuture<TransportResponse> sendAsync(TransportRequest request);

  /** Frees threads and connections. */
  @Override
  void close();
}
