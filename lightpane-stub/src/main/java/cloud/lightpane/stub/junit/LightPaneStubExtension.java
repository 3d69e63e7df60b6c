package cloud.lightpane.stub.junit;

import cloud.lightpane.stub.KeySpec;
import cloud.lightpane.stub.MintedKey;
import cloud.lightpane.stub.StubServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a LightPane reference server once per test class, on an ephemeral loopback port, and stops
 * it after the class.
 *
 * <p>Declaratively, with the demo inventory, and the server injected into test or lifecycle
 * methods:
 *
 * <pre>{@code
 * @ExtendWith(LightPaneStubExtension.class)
 * class MyTest {
 *   @Test
 *   void lists(StubServer server) {
 *     MintedKey key = server.mintKey(KeySpec.apiKey("ci").rateLimitRpm(10));
 *     // call server.uri() with "Authorization: " + key.authorization()
 *   }
 * }
 * }</pre>
 *
 * <p>{@link LightPaneStub @LightPaneStub} on the class does the same and sets what the server
 * serves and the faults it injects.
 *
 * <p>Or as a field, to configure the server (inventory, clock, rate limit...) and use it directly:
 *
 * <pre>{@code
 * @RegisterExtension
 * static LightPaneStubExtension stub =
 *     LightPaneStubExtension.configure(b -> b.inventory(Inventory.synthetic(1000)));
 * }</pre>
 *
 * Keys minted in one test are still there in the next test of the class. {@code @Nested} classes
 * share the server of the class that encloses them.
 */
public final class LightPaneStubExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LightPaneStubExtension.class);

  private final Consumer<StubServer.Builder> configuration;
  private volatile StubServer server;

  /** The default server: demo inventory, keys in memory. */
  public LightPaneStubExtension() {
    this(b -> {});
  }

  private LightPaneStubExtension(Consumer<StubServer.Builder> configuration) {
    this.configuration = configuration;
  }

  /**
   * A server configured by this function (the port stays ephemeral unless it sets one).
   *
   * @param configuration what to set on the server's builder
   * @return an extension to register with {@code @RegisterExtension}
   */
  public static LightPaneStubExtension configure(Consumer<StubServer.Builder> configuration) {
    return new LightPaneStubExtension(configuration);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    StubServer running = store.get(StubServer.class, StubServer.class);
    if (running != null) {
      // A @Nested class shares its enclosing class's server; so does a field beside the class's
      // own @LightPaneStub (its configuration is then not applied: use one or the other).
      if (server == null) {
        server = running;
      }
      return;
    }
    StubServer.Builder builder = StubServer.builder();
    LightPaneStub declared = context.getRequiredTestClass().getAnnotation(LightPaneStub.class);
    if (declared != null) {
      apply(declared, builder);
    }
    configuration.accept(builder);
    StubServer started = builder.build().start();
    store.put(ownerKey(context), started);
    store.put(StubServer.class, started);
    server = started;
  }

  /** The annotation's settings; a bad one fails the class with the builder's message. */
  private static void apply(LightPaneStub declared, StubServer.Builder builder) {
    if (!declared.fixtures().isEmpty()) {
      builder.fixtures(Path.of(declared.fixtures()));
    }
    for (String fault : declared.faults()) {
      builder.fault(fault);
    }
    builder.faultSeed(declared.faultSeed());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    StubServer owned = context.getStore(NAMESPACE).remove(ownerKey(context), StubServer.class);
    if (owned != null) {
      context.getStore(NAMESPACE).remove(StubServer.class);
      owned.close();
      if (server == owned) {
        server = null;
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == StubServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    StubServer found = context.getStore(NAMESPACE).get(StubServer.class, StubServer.class);
    return found != null ? found : server();
  }

  private static String ownerKey(ExtensionContext context) {
    return "server started for " + context.getUniqueId();
  }

  /**
   * The running server (from the class's {@code @BeforeAll} on).
   *
   * @return the server
   */
  public StubServer server() {
    if (server == null) {
      throw new ParameterResolutionException(
          "the LightPane stub runs from beforeAll to afterAll of the test class; is the"
              + " extension registered on a static field?");
    }
    return server;
  }

  /**
   * The server's base URL.
   *
   * @return the base URL
   */
  public URI uri() {
    return server().uri();
  }

  /**
   * The session cookie value.
   *
   * @return the session cookie value
   */
  public String sessionCookie() {
    return server().sessionCookie();
  }

  /**
   * The session as a {@code Cookie} header: {@code lightpane_session=<value>}.
   *
   * @return the {@code Cookie} header value
   */
  public String sessionCookieHeader() {
    return server().sessionCookieHeader();
  }

  /**
   * Creates a key with these settings.
   *
   * @param spec what the key may do
   * @return the new key's id and token
   */
  public MintedKey mintKey(KeySpec spec) {
    return server().mintKey(spec);
  }
}
