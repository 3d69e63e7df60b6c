package cloud.lightpane.client.internal;

import cloud.lightpane.client.internal.transport.TransportResponse;
import java.io.IOException;

/**
 * Reads a successful response's body into a value, within the attempt. A {@link
 * com.fasterxml.jackson.core.JsonProcessingException} means the body is not what it should be
 * (never retried); any other {@link IOException} means the connection failed while reading (retried
 * when the call is idempotent).
 */
@FunctionalInterface
public interface BodyReader<T> {
  /**
   * Not a reader: the attempt hands the response over with its body unread (streaming calls), and
   * failures while reading it are the caller's.
   */
  BodyReader<TransportResponse> UNREAD = response -> response;

  /** Reads the body; the caller closes the response. */
  T read(TransportResponse response) throws IOException;
}
