package cloud.lightpane.examples;

import cloud.lightpane.stub.StubServer;
import java.net.URI;

/**
 * Where an example sends its requests: the URL given as the first argument, or else a reference
 * server started in-process for the length of the run, so that every example works offline.
 */
final class ExampleServer implements AutoCloseable {
  private final StubServer embedded;
  private final URI baseUrl;

  private ExampleServer(StubServer embedded, URI baseUrl) {
    this.embedded = embedded;
    this.baseUrl = baseUrl;
  }

  static ExampleServer fromArgs(String[] args) {
    if (args.length > 0) {
      return new ExampleServer(null, URI.create(args[0]));
    }
    StubServer server = StubServer.builder().build().start();
    return new ExampleServer(server, server.uri());
  }

  URI baseUrl() {
    return baseUrl;
  }

  /** The demo session of the embedded server, or {@code LIGHTPANE_SESSION} for a given URL. */
  String session() {
    return embedded != null ? embedded.sessionCookie() : System.getenv("LIGHTPANE_SESSION");
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }
}
