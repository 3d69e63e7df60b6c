package cloud.lightpane.client.discovery;

import java.io.IOException;
import java.io.InputStream;

/**
 * Receives the raw JSON bodies of a discovery from {@code LightPaneClient.discoverRaw}, for callers
 * that copy them elsewhere unchanged: one body when the request went as one batch, else one per
 * batch, in request order.
 *
 * <pre>{@code
 * client.discoverRaw(request, (body, whole) -> body.transferTo(System.out));
 * }</pre>
 */
@FunctionalInterface
public interface RawDiscoveryHandler {
  /**
   * One successful response's body, as the server sent it. The stream is the live connection; the
   * client closes it when this returns. A read fails with an {@link IOException} (a {@link
   * java.net.SocketTimeoutException} when the server goes silent for the request timeout).
   *
   * @param body the body, JSON text in UTF-8, not yet read
   * @param whole true when this body answers the whole request (no split happened)
   * @throws IOException to stop; the client rethrows it as {@link java.io.UncheckedIOException}
   */
  void onBody(InputStream body, boolean whole) throws IOException;
}
