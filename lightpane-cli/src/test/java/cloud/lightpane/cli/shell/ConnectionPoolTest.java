package cloud.lightpane.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.cli.LightpaneCommand;
import cloud.lightpane.cli.Main;
import cloud.lightpane.cli.kernel.CliContext;
import cloud.lightpane.cli.terminal.TerminalFacts;
import cloud.lightpane.stub.StubServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Commands typed in the shell share one client and one embedded server. */
class ConnectionPoolTest {
  @TempDir Path config;

  @Test
  void commandsShareOneEmbeddedServerAndOneClient() {
    try (ConnectionPool pool = new ConnectionPool()) {
      String first =
          run(pool, null, "discover", "s3", "-r", "eu-west-2", "-o", "csv", "--embedded");
      String second =
          run(pool, null, "discover", "s3", "-r", "eu-west-2", "-o", "csv", "--embedded");
      assertTrue(first.startsWith("bucket_name,"), first);
      assertEquals(first, second);
      // keys are kept by the server: a key made by one command is listed by the next.
      run(pool, null, "keys", "create", "--type", "api_key", "--label", "shared", "--embedded");
      assertTrue(run(pool, null, "keys", "list", "--embedded").contains("shared"));
    }
  }

  /**
   * The second query of a shell goes over the first one's TCP connection; commands run as separate
   * processes (here: separate pools) open one each, which shows the count is real.
   */
  @Test
  void aSecondQueryReusesTheFirstOnesConnection() throws Exception {
    try (StubServer server = StubServer.builder().build().start();
        CountingProxy proxy = new CountingProxy(server.uri())) {
      String[] query = {
        "discover", "ec2", "-r", "eu-west-2", "-o", "csv", "--base-url", proxy.uri()
      };
      try (ConnectionPool pool = new ConnectionPool()) {
        String first = run(pool, null, query);
        String second = run(pool, null, query);
        assertTrue(first.startsWith("name,instance_id,"), first);
        assertEquals(first, second);
        assertEquals(1, proxy.connections(), "one connection for both queries");
      }
      try (ConnectionPool other = new ConnectionPool()) {
        run(other, null, query);
      }
      try (ConnectionPool another = new ConnectionPool()) {
        run(another, null, query);
      }
      assertEquals(3, proxy.connections(), "a new shell opens its own connection");
    }
  }

  @Test
  void theShellsGlobalOptionsAreEveryCommandsDefaults() {
    CommandLine tree = LightpaneCommand.commandLine(context(new ByteArrayOutputStream(), null));
    tree.parseArgs("shell", "--embedded", "--timeout", "5s");
    CommandLine shell = tree.getSubcommands().get("shell");
    ShellDefaults defaults = ShellDefaults.of(shell.getCommandSpec());
    assertEquals("true", defaults.get("--embedded"));
    assertEquals("5s", defaults.get("--timeout"));
    try (ConnectionPool pool = new ConnectionPool()) {
      // No --embedded on the command: the shell's applies, so the demo data answers.
      assertTrue(
          run(pool, defaults, "discover", "ec2", "-r", "eu-west-2", "-o", "csv").contains("i-"));
      assertSame(pool.server(), pool.server());
    }
  }

  private String run(ConnectionPool pool, ShellDefaults defaults, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    CliContext context = context(out, new PrintWriter(err, true), pool);
    int code = Main.run(args, context, defaults);
    assertEquals(0, code, err.toString());
    return out.toString(StandardCharsets.UTF_8);
  }

  private CliContext context(ByteArrayOutputStream out, ConnectionPool pool) {
    return context(out, new PrintWriter(new StringWriter(), true), pool);
  }

  private CliContext context(ByteArrayOutputStream out, PrintWriter err, ConnectionPool pool) {
    return new CliContext(
        out,
        err,
        InputStream.nullInputStream(),
        Map.of("LIGHTPANE_CONFIG_DIR", config.toString()),
        TerminalFacts::piped,
        null,
        pool);
  }
}
