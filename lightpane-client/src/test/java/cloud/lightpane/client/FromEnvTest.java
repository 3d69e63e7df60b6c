package cloud.lightpane.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.client.auth.Credentials;
import cloud.lightpane.client.config.ClientSetting;
import cloud.lightpane.client.config.ProfileStore;
import cloud.lightpane.client.discovery.DiscoveryRequest;
import cloud.lightpane.client.discovery.Provider;
import cloud.lightpane.client.discovery.ServiceQuery;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fromEnv} and profiles, over an injected environment (never the real one): each setting
 * from its variable or profile key, the precedence code > variable > profile > default, and one
 * clear error per bad value.
 */
class FromEnvTest {
  private static final String KEY = "csl_ak_blLVabSkirXx10DYSOjOQcbD1khOsD7pYMQhb92D4Oc";
  private static final String OTHER_KEY = "csl_ak_" + "B".repeat(43);
  private static final DiscoveryRequest EC2 =
      DiscoveryRequest.of(
          ServiceQuery.builder("ec2").provider(Provider.AWS).region("eu-west-2").build());

  @TempDir Path config;
  private ScriptedServer unavailable;
  private final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void start() throws Exception {
    unavailable =
        new ScriptedServer(
            exchange -> {
              byte[] body = "{\"error\": \"down\"}".getBytes(StandardCharsets.UTF_8);
              exchange.getResponseHeaders().set("Content-Type", "application/json");
              exchange.sendResponseHeaders(503, body.length);
              try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
              }
            });
    env.put("LIGHTPANE_CONFIG_DIR", config.toString());
  }

  @AfterEach
  void stop() {
    unavailable.close();
  }

  private void profile(String name, String text) throws Exception {
    Path dir = config.resolve("profiles");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(name + ".properties"), text, StandardCharsets.UTF_8);
  }

  /** How many attempts a call made against the server that always answers 503. */
  private int attempts(LightPaneClient.Builder builder) {
    int before = unavailable.requests();
    try (LightPaneClient client = builder.sleeper(d -> {}).build()) {
      assertThrows(ServerException.class, () -> client.discover(EC2));
    }
    return unavailable.requests() - before;
  }

  @Test
  void theDefaultsAreWrittenOnceAndReadAsText() {
    assertEquals("https://api.lightpane.cloud", ClientSetting.BASE_URL.defaultValue());
    assertEquals("60s", ClientSetting.TIMEOUT.defaultValue());
    assertEquals("2", ClientSetting.RETRIES.defaultValue());
    assertEquals("LIGHTPANE_BASE_URL", ClientSetting.BASE_URL.env());
    assertEquals("base_url", ClientSetting.BASE_URL.key());
    assertEquals(Duration.ofSeconds(60), ClientSetting.duration("60s"));
    assertEquals(Duration.ofMillis(500), ClientSetting.duration("500ms"));
    assertEquals(Duration.ofMinutes(2), ClientSetting.duration("2m"));
    assertEquals(Duration.ofSeconds(7), ClientSetting.duration("7"));
    assertEquals(null, ClientSetting.duration("0s"));
    assertEquals(null, ClientSetting.duration("soon"));
  }

  @Test
  void anEmptyEnvironmentGivesEveryDefault() {
    try (LightPaneClient client = LightPaneClient.fromEnv(env)) {
      assertEquals("https://api.lightpane.cloud", client.baseUrl().toString());
      assertEquals(Credentials.Kind.ANONYMOUS, client.credentials().kind());
    }
    env.put("LIGHTPANE_BASE_URL", unavailable.baseUrl());
    assertEquals(3, attempts(LightPaneClient.builder().fromEnv(env)), "2 retries by default");
  }

  @Test
  void variablesSetEverySetting() {
    env.put("LIGHTPANE_BASE_URL", unavailable.baseUrl() + "/");
    env.put("LIGHTPANE_API_KEY", KEY);
    env.put("LIGHTPANE_RETRIES", "0");
    try (LightPaneClient client = LightPaneClient.fromEnv(env)) {
      assertEquals(unavailable.baseUrl(), client.baseUrl().toString());
      assertEquals(Credentials.Kind.API_KEY, client.credentials().kind());
      assertEquals(KEY, client.credentials().reveal());
    }
    assertEquals(1, attempts(LightPaneClient.builder().fromEnv(env)));
    env.put("LIGHTPANE_RETRIES", "4");
    assertEquals(5, attempts(LightPaneClient.builder().fromEnv(env)));
  }

  @Test
  void theTimeoutVariableBoundsEachAttempt() throws Exception {
    try (ScriptedServer silent = new ScriptedServer(exchange -> Thread.sleep(30_000))) {
      env.put("LIGHTPANE_BASE_URL", silent.baseUrl());
      env.put("LIGHTPANE_TIMEOUT", "300ms");
      env.put("LIGHTPANE_RETRIES", "0");
      try (LightPaneClient client = LightPaneClient.fromEnv(env)) {
        LightPaneTimeoutException e =
            assertThrows(LightPaneTimeoutException.class, () -> client.discover(EC2));
        assertTrue(e.getMessage().contains("nothing for 300 ms"), e.getMessage());
      }
    }
  }

  @Test
  void theDefaultProfileIsReadAndVariablesWinOverIt() throws Exception {
    profile("default", "base_url=" + unavailable.baseUrl() + "\napi_key=" + KEY + "\nretries=1\n");
    try (LightPaneClient client = LightPaneClient.fromEnv(env)) {
      assertEquals(unavailable.baseUrl(), client.baseUrl().toString());
      assertEquals(KEY, client.credentials().reveal());
    }
    assertEquals(2, attempts(LightPaneClient.builder().fromEnv(env)), "retries=1 from the profile");

    env.put("LIGHTPANE_API_KEY", OTHER_KEY);
    env.put("LIGHTPANE_RETRIES", "0");
    try (LightPaneClient client = LightPaneClient.fromEnv(env)) {
      assertEquals(OTHER_KEY, client.credentials().reveal(), "the variable wins");
    }
    assertEquals(1, attempts(LightPaneClient.builder().fromEnv(env)));
    // Code (a flag, for the command) wins over both.
    assertEquals(4, attempts(LightPaneClient.builder().fromEnv(env).maxRetries(3)));
  }

  @Test
  void lightpaneProfileNamesTheProfileAndItMustExist() throws Exception {
    profile("default", "base_url=https://default.example\n");
    profile("work", "base_url=" + unavailable.baseUrl() + "\nsession=abc.def\n");
    env.put("LIGHTPANE_PROFILE", "work");
    try (LightPaneClient client = LightPaneClient.fromEnv(env)) {
      assertEquals(unavailable.baseUrl(), client.baseUrl().toString());
      assertEquals(Credentials.Kind.SESSION, client.credentials().kind());
    }
    env.put("LIGHTPANE_PROFILE", "play");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LightPaneClient.fromEnv(env));
    assertEquals(
        "No profile 'play' (from LIGHTPANE_PROFILE) in "
            + config
            + ". Create it with: lightpane config set --profile play KEY VALUE",
        e.getMessage());
  }

  @Test
  void builderProfileReadsANamedProfile() throws Exception {
    profile("ci", "base_url=" + unavailable.baseUrl() + "\nretries=0\n");
    try (LightPaneClient client = LightPaneClient.builder().profile("ci", env).build()) {
      assertEquals(unavailable.baseUrl(), client.baseUrl().toString());
    }
    assertEquals(1, attempts(LightPaneClient.builder().profile("ci", env)));
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class, () -> LightPaneClient.builder().profile("nope", env));
    assertTrue(missing.getMessage().startsWith("No profile 'nope'"), missing.getMessage());
    IllegalArgumentException bad =
        assertThrows(
            IllegalArgumentException.class,
            () -> LightPaneClient.builder().profile("../etc/passwd", env));
    assertTrue(bad.getMessage().startsWith("Invalid profile name"), bad.getMessage());
  }

  @Test
  void aBadValueSaysWhichSettingAndWhereItCameFrom() throws Exception {
    env.put("LIGHTPANE_TIMEOUT", "soon");
    IllegalArgumentException timeout =
        assertThrows(IllegalArgumentException.class, () -> LightPaneClient.fromEnv(env));
    assertEquals(
        "timeout must be a duration such as 30s, 500ms, 2m or a number of seconds, not 'soon'"
            + " (from LIGHTPANE_TIMEOUT)",
        timeout.getMessage());
    env.remove("LIGHTPANE_TIMEOUT");

    profile("default", "retries=11\n");
    IllegalArgumentException retries =
        assertThrows(IllegalArgumentException.class, () -> LightPaneClient.fromEnv(env));
    assertTrue(
        retries.getMessage().startsWith("retries must be from 0 to 10 (from profile 'default'"),
        retries.getMessage());

    profile("default", "batches_in_flight=0\n");
    IllegalArgumentException none =
        assertThrows(IllegalArgumentException.class, () -> LightPaneClient.fromEnv(env));
    assertTrue(
        none.getMessage()
            .startsWith("batches_in_flight must be from 1 to 16 (from profile 'default'"),
        none.getMessage());
    env.put("LIGHTPANE_BATCHES_IN_FLIGHT", "many");
    IllegalArgumentException many =
        assertThrows(IllegalArgumentException.class, () -> LightPaneClient.fromEnv(env));
    assertEquals(
        "batches_in_flight must be a whole number from 1 to 16, not 'many'"
            + " (from LIGHTPANE_BATCHES_IN_FLIGHT)",
        many.getMessage());
    env.remove("LIGHTPANE_BATCHES_IN_FLIGHT");

    Files.delete(config.resolve("profiles").resolve("default.properties"));
    env.put("LIGHTPANE_API_KEY", "not a key");
    IllegalArgumentException key =
        assertThrows(IllegalArgumentException.class, () -> LightPaneClient.fromEnv(env));
    assertTrue(key.getMessage().contains("LIGHTPANE_API_KEY"), key.getMessage());
    assertFalse(key.getMessage().contains("not a key"), "a secret is never repeated");
  }

  @Test
  void theStoreWritesWhatItReadsOwnerOnly() throws Exception {
    ProfileStore store = ProfileStore.locate(env);
    assertEquals(config, store.dir());
    store.write("x", Map.of("base_url", "https://a.example", "label", "a = b # c"));
    assertEquals(Map.of("base_url", "https://a.example", "label", "a = b # c"), store.read("x"));
    assertEquals(java.util.List.of("x"), store.profiles());
    assertEquals(
        "rw-------",
        java.nio.file.attribute.PosixFilePermissions.toString(
            Files.getPosixFilePermissions(store.file("x"))));
    Map<String, String> xdg = Map.of("XDG_CONFIG_HOME", "/tmp/xdg");
    assertEquals(Path.of("/tmp/xdg/lightpane"), ProfileStore.locate(xdg).dir());
  }
}
