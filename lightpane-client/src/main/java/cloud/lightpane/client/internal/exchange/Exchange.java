package cloud.lightpane.client.internal.exchange;

import cloud.lightpane.client.internal.BodyReader;
import java.util.concurrent.CompletableFuture;

/**
 * One attempt of a call, as each layer of the client's pipeline sees it. The builder stacks the
 * layers: {@link TransportExchange} innermost (it sends and reads the body within the attempt),
 * then {@link CredentialsExchange}, then {@link TrafficLogExchange}; {@link RetryingExchange}
 * drives them from outside, the same way for sync and async calls.
 *
 * <p>A layer reports what the server or the network did as an {@link Outcome} (a value, or a
 * classified {@link Failure}); only a bug or a caller's exception (from a body reader) is thrown.
 */
public interface Exchange {
  /** Runs one attempt, blocking until the body is read. */
  <T> Outcome<T> send(Attempt attempt, BodyReader<T> reader) throws InterruptedException;

  /**
   * Runs one attempt without blocking. The transport records its future on the attempt ({@link
   * Attempt#inFlight}) so that cancelling the call reaches the connection.
   */
  <T> CompletableFuture<Outcome<T>> sendAsync(Attempt attempt, BodyReader<T> reader);
}
