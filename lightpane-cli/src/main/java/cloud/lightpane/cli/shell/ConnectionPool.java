package cloud.lightpane.cli.shell;

import cloud.lightpane.cli.kernel.CliContext;
import cloud.lightpane.cli.kernel.Connection;
import cloud.lightpane.cli.kernel.GlobalOptions;
import cloud.lightpane.cli.settings.SettingKey;
import cloud.lightpane.cli.settings.Settings;
import cloud.lightpane.client.Transport;
import cloud.lightpane.stub.StubServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shell's connections: one client per distinct set of connection settings, kept open across
 * commands over the pooled {@code java.net.http} transport, and at most one embedded reference
 * server. A second {@code discover} so reuses the TCP connection, the TLS session and the warm
 * client instead of building them again.
 */
final class ConnectionPool implements Connection.Source, AutoCloseable {
  private static final List<SettingKey> CONNECTION_SETTINGS =
      List.of(
          SettingKey.BASE_URL,
          SettingKey.API_KEY,
          SettingKey.SESSION,
          SettingKey.TIMEOUT,
          SettingKey.RETRIES,
          SettingKey.BATCHES_IN_FLIGHT,
          SettingKey.MAX_TIME,
          SettingKey.ALLOW_INSECURE_HTTP);

  private final Map<List<Object>, Connection> open = new HashMap<>();
  private StubServer server;

  /** The embedded server, started now if it is not running yet. */
  synchronized StubServer server() {
    if (server == null) {
      server = StubServer.builder().port(0).build().start();
    }
    return server;
  }

  @Override
  public synchronized Connection connection(
      GlobalOptions options, Settings settings, CliContext context, Connection.Need need) {
    // Everything that shapes the client is in the key; secrets stay in this process's memory only.
    List<Object> key = new ArrayList<>();
    key.add(options.embedded());
    key.add(need);
    key.add(options.traced(context));
    for (SettingKey setting : CONNECTION_SETTINGS) {
      key.add(settings.get(setting));
    }
    Connection connection = open.get(key);
    if (connection == null) {
      connection =
          Connection.openShared(
              options,
              settings,
              context,
              need,
              Transport.JAVA_NET_HTTP,
              options.embedded() ? server() : null);
      open.put(key, connection);
    }
    return connection;
  }

  @Override
  public synchronized void close() {
    try {
      open.values().forEach(Connection::end);
      open.clear();
    } finally {
      if (server != null) {
        server.close();
        server = null;
      }
    }
  }
}
