package cloud.lightpane.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.client.auth.Credentials;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BuilderTest {
  private static final Credentials KEY =
      Credentials.apiKey("csl_ak_blLVabSkirXx10DYSOjOQcbD1khOsD7pYMQhb92D4Oc");

  @Test
  void credentialsAreNotSentOverPlainHttpToTheNetwork() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                LightPaneClient.builder()
                    .baseUrl("http://inventory.example.com")
                    .credentials(KEY)
                    .build());
    assertEquals(
        "Refusing to send an access key over plain http to inventory.example.com: anyone on the"
            + " network could read it. Use https, or allow insecure credentials explicitly if the"
            + " network is trusted.",
        e.getMessage());
    LightPaneClient.builder()
        .baseUrl("http://inventory.example.com")
        .credentials(KEY)
        .allowInsecureCredentials(true)
        .build()
        .close();
    LightPaneClient.builder()
        .baseUrl("http://inventory.example.com")
        .credentials(Credentials.anonymous())
        .build()
        .close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:8787",
        "http://localhost:8787",
        "http://[::1]:8787",
        "http://127.8.9.1"
      })
  void loopbackIsFineOverPlainHttp(String url) {
    try (LightPaneClient client =
        LightPaneClient.builder()
            .baseUrl(url)
            .credentials(KEY)
            .transport(Transport.URL_CONNECTION)
            .build()) {
      assertEquals(url, client.baseUrl().toString());
    }
  }

  @Test
  void baseUrlsAreNormalisedAndChecked() {
    try (LightPaneClient client =
        LightPaneClient.builder()
            .baseUrl("https://acme.api.lightpane.cloud/")
            .credentials(KEY)
            .build()) {
      assertEquals(URI.create("https://acme.api.lightpane.cloud"), client.baseUrl());
    }
    try (LightPaneClient client =
        LightPaneClient.builder()
            .baseUrl("https://lp.internal.example/api//")
            .credentials(KEY)
            .build()) {
      assertEquals(URI.create("https://lp.internal.example/api"), client.baseUrl());
    }
    try (LightPaneClient client = LightPaneClient.builder().credentials(KEY).build()) {
      assertEquals(URI.create("https://api.lightpane.cloud"), client.baseUrl());
    }
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> LightPaneClient.builder().baseUrl("api.lightpane.cloud").build())
            .getMessage()
            .contains("must start with https://"));
    assertThrows(
        IllegalArgumentException.class,
        () -> LightPaneClient.builder().baseUrl("https://x/?a=1").credentials(KEY).build());
    assertThrows(IllegalArgumentException.class, () -> LightPaneClient.builder().maxRetries(-1));
  }

  @Test
  void aClosedClientSaysSo() {
    LightPaneClient client = LightPaneClient.builder().credentials(KEY).build();
    client.close();
    client.close();
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                client.discover(
                    cloud.lightpane.client.discovery.DiscoveryRequest.of(
                        cloud.lightpane.client.discovery.ServiceQuery.builder("ec2")
                            .provider("aws")
                            .region("eu-west-2")
                            .build())));
    assertEquals("This LightPaneClient is closed: build a new one.", e.getMessage());
  }
}
