package cloud.lightpane.cli.kernel;

import cloud.lightpane.cli.settings.SettingKey;
import cloud.lightpane.cli.settings.Settings;
import cloud.lightpane.client.LightPaneClient;
import cloud.lightpane.client.Transport;
import cloud.lightpane.client.auth.Credentials;
import cloud.lightpane.stub.StubServer;
import java.net.URI;
import java.time.Duration;

/**
 * The client of one run, and the in-process reference server behind it with {@code --embedded}.
 * Closing it stops both, so that no thread outlives the command.
 */
public final class Connection implements AutoCloseable {
  /** What the command needs from the credentials. */
  public enum Need {
    /** An access key, a session, or anonymous access: whatever is configured. */
    ANY,
    /** A session: the key-management endpoints accept nothing else. */
    SESSION
  }

  /**
   * Hands out connections that outlive one command: the shell keeps one client (and one embedded
   * server) for all the commands typed in it. {@link #close()} leaves such a connection open; the
   * source ends it.
   */
  public interface Source {
    /** The connection {@link #open} would make, or an equivalent one already open. */
    Connection connection(GlobalOptions options, Settings settings, CliContext context, Need need);
  }

  private final LightPaneClient client;
  private final StubServer server;
  private final URI baseUrl;
  private final boolean embedded;
  private final boolean shared;

  private Connection(
      LightPaneClient client, StubServer server, URI baseUrl, boolean embedded, boolean shared) {
    this.client = client;
    this.server = server;
    this.baseUrl = baseUrl;
    this.embedded = embedded;
    this.shared = shared;
  }

  /**
   * Opens the client the options and settings describe, or takes it from the context's {@link
   * Source} when there is one.
   */
  public static Connection open(
      GlobalOptions options, Settings settings, CliContext context, Need need) {
    if (options.traced(context)) {
      // Before a shared connection too: each command's trace goes to that command's stderr.
      TrafficTrace.showOn(context.stderr());
    }
    if (context.connections() != null) {
      return context.connections().connection(options, settings, context, need);
    }
    return open(options, settings, context, need, Transport.URL_CONNECTION, null, false);
  }

  /**
   * Opens a connection for a {@link Source}: over {@code transport}, and with {@code --embedded} to
   * {@code sharedServer} (which the source owns and stops). Its {@link #close()} does nothing; the
   * source calls {@link #end()}.
   */
  public static Connection openShared(
      GlobalOptions options,
      Settings settings,
      CliContext context,
      Need need,
      Transport transport,
      StubServer sharedServer) {
    return open(options, settings, context, need, transport, sharedServer, true);
  }

  private static Connection open(
      GlobalOptions options,
      Settings settings,
      CliContext context,
      Need need,
      Transport transport,
      StubServer sharedServer,
      boolean shared) {
    StubServer server = null;
    try {
      URI baseUrl;
      Credentials credentials;
      if (options.embedded && sharedServer != null) {
        baseUrl = sharedServer.uri();
        credentials = Credentials.session(sharedServer.sessionCookie());
      } else if (options.embedded) {
        server = StubServer.builder().port(0).build().start();
        baseUrl = server.uri();
        credentials = Credentials.session(server.sessionCookie());
        if (options.verbosity() > 0) {
          context.stderr().println("lightpane: embedded reference server at " + baseUrl);
        }
      } else {
        baseUrl = URI.create(settings.get(SettingKey.BASE_URL));
        credentials = credentials(settings, need);
      }
      Duration timeout = SettingKey.duration(settings.get(SettingKey.TIMEOUT));
      boolean insecure = insecureHttpAllowed(baseUrl, credentials, settings, context);
      LightPaneClient.Builder builder = LightPaneClient.builder();
      EnvironmentProxy.Login proxyLogin = EnvironmentProxy.credentialsFor(baseUrl, context.env());
      if (proxyLogin != null) {
        builder.proxyCredentials(proxyLogin.user(), proxyLogin.password());
      }
      LightPaneClient client =
          builder
              .allowInsecureCredentials(insecure)
              .deadline(SettingKey.duration(settings.get(SettingKey.MAX_TIME)))
              .baseUrl(baseUrl)
              .credentials(credentials)
              .transport(transport)
              .timeout(timeout)
              .maxRetries(Integer.parseInt(settings.get(SettingKey.RETRIES)))
              .batchesInFlight(Integer.parseInt(settings.get(SettingKey.BATCHES_IN_FLIGHT)))
              .proxySelector(EnvironmentProxy.from(context.env()))
              .userAgentSuffix("lightpane-cli/" + Version.get())
              .logTraffic(options.traced(context))
              .maxValueSize(ResponseLimit.maxValueChars())
              .build();
      return new Connection(client, server, baseUrl, options.embedded, shared);
    } catch (RuntimeException e) {
      if (server != null) {
        server.close();
      }
      if (e instanceof IllegalArgumentException) {
        throw new CommandFailure(ExitCodes.USAGE, e.getMessage(), e);
      }
      throw e;
    }
  }

  /**
   * Credentials over plain http to a host that is not loopback: a usage error unless {@code
   * --allow-insecure-http} (or the setting) allows it, and then a warning.
   */
  private static boolean insecureHttpAllowed(
      URI baseUrl, Credentials credentials, Settings settings, CliContext context) {
    boolean allowed = "true".equalsIgnoreCase(settings.get(SettingKey.ALLOW_INSECURE_HTTP));
    if (!"http".equalsIgnoreCase(baseUrl.getScheme())
        || credentials.kind() == Credentials.Kind.ANONYMOUS
        || LightPaneClient.isLoopback(baseUrl.getHost())) {
      return allowed;
    }
    String what =
        credentials.kind() == Credentials.Kind.API_KEY ? "an access key" : "a session cookie";
    if (!allowed) {
      throw new CommandFailure(
          ExitCodes.USAGE,
          "Refusing to send "
              + what
              + " over plain http to "
              + baseUrl.getHost()
              + ": anyone on the network could read it. Use https, or add --allow-insecure-http"
              + " (setting allow_insecure_http) if the network is trusted");
    }
    context
        .stderr()
        .println(
            "lightpane: warning: sending "
                + what
                + " over plain http to "
                + baseUrl.getHost()
                + " (--allow-insecure-http): anyone on the network can read it");
    return true;
  }

  private static Credentials credentials(Settings settings, Need need) {
    String apiKey = settings.get(SettingKey.API_KEY);
    String session = settings.get(SettingKey.SESSION);
    if (need == Need.SESSION) {
      if (session == null) {
        throw new CommandFailure(
            ExitCodes.AUTH,
            "Managing keys needs a session: set LIGHTPANE_SESSION to the value of your"
                + " lightpane_session cookie, or run 'lightpane config set session' (it prompts);"
                + " or add --embedded to try it on the built-in reference server");
      }
      return session(session, settings);
    }
    if (apiKey != null) {
      try {
        return Credentials.apiKey(apiKey);
      } catch (IllegalArgumentException e) {
        throw new CommandFailure(
            ExitCodes.USAGE,
            "The access key from "
                + settings.source(SettingKey.API_KEY)
                + " is not usable: "
                + e.getMessage(),
            e);
      }
    }
    if (session != null) {
      return session(session, settings);
    }
    return Credentials.anonymous();
  }

  private static Credentials session(String session, Settings settings) {
    try {
      return Credentials.session(session);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(
          ExitCodes.USAGE,
          "The session from "
              + settings.source(SettingKey.SESSION)
              + " is not usable: "
              + e.getMessage(),
          e);
    }
  }

  public LightPaneClient client() {
    return client;
  }

  public URI baseUrl() {
    return baseUrl;
  }

  /** Whether this run talks to the in-process reference server. */
  public boolean embedded() {
    return embedded;
  }

  /**
   * Ends the connection, unless a {@link Source} shares it (the source then calls {@link #end()}).
   */
  @Override
  public void close() {
    if (!shared) {
      end();
    }
  }

  /** Stops the client and the embedded server this connection started, if any. */
  public void end() {
    try {
      client.close();
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }
}
