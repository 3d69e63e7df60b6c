package cloud.lightpane.stub;

import cloud.lightpane.stub.inventory.FixtureException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar lightpane-stub.jar [options]}: runs the reference server until Ctrl-C or
 * SIGTERM. Prints the base URL and {@code lightpane_session=<value>} on stdout, one line per
 * request on stderr.
 */
public final class StubMain {

  static final String USAGE =
      String.join(
          "\n",
          "Usage: java -jar lightpane-stub.jar [options]",
          "",
          "Runs the LightPane reference server until Ctrl-C. Prints its base URL and the demo",
          "session cookie (lightpane_session=...) on stdout; logs one line per request on stderr.",
          "",
          "Options:",
          String.join("\n", ServerOptions.help()),
          "  -h, --help               show this help");

  private StubMain() {}

  /**
   * Runs the server; exits 2 on a usage error, 1 when it cannot start.
   *
   * @param args the options, as {@code --help} lists them
   */
  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code >= 0) {
      System.exit(code);
    }
  }

  /**
   * Parses the arguments and runs the server until the JVM is asked to stop.
   *
   * @return an exit code to exit with now, or -1 after a clean stop
   */
  static int run(String[] args, PrintStream out, PrintStream err) {
    StubServer.Builder builder;
    try {
      if (List.of(args).contains("-h") || List.of(args).contains("--help")) {
        out.println(USAGE);
        return 0;
      }
      builder = ServerOptions.parse(List.of(args)).builder(err);
    } catch (ServerOptions.UsageException e) {
      err.println("lightpane-stub: " + e.getMessage());
      err.println("Try --help for the options.");
      return 2;
    } catch (FixtureException e) {
      err.println("lightpane-stub: bad fixture: " + e.getMessage());
      return 2;
    }
    StubServer server;
    try {
      server = builder.build().start();
    } catch (UncheckedIOException e) {
      err.println("lightpane-stub: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  err.println("lightpane-stub: stopped");
                  err.flush();
                  stopped.countDown();
                },
                "lightpane-stub-shutdown"));
    out.println(server.uri());
    out.println(server.sessionCookieHeader());
    out.flush();
    err.println("lightpane-stub: listening on " + server.uri() + " (Ctrl-C to stop)");
    server.exposureWarning().ifPresent(w -> err.println("lightpane-stub: warning: " + w));
    err.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return -1;
  }
}
