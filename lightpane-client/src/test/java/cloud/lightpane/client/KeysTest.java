package cloud.lightpane.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.client.auth.Credentials;
import cloud.lightpane.client.discovery.Provider;
import cloud.lightpane.client.keys.AccessKey;
import cloud.lightpane.client.keys.CloudBinding;
import cloud.lightpane.client.keys.CreateKeyRequest;
import cloud.lightpane.client.keys.CreatedKey;
import cloud.lightpane.client.keys.KeyConstraints;
import cloud.lightpane.client.keys.KeyType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Listing, creating and revoking keys over /keys with a session. */
class KeysTest extends WireMockSupport {
  static final String NEW_TOKEN = "csl_em_ofSmIG69KyGnPvTyoXOax7P9UsuNILgqLcJ4BQR7iys";

  static final String RECORD =
      "{\"grant_id\": \"6f1c2b0e-8d4a-4c3e-9b7f-2a1d5e6c7b80\", \"grant_type\": \"embed\","
          + " \"label\": \"dashboard\", \"token_prefix\": \"csl_em_...7iys\", \"cloud_bindings\":"
          + " [{\"provider\": \"aws\", \"account_id\": \"123456789012\", \"region\": \"*\"}],"
          + " \"allowed_services\": [\"ec2\", \"s3\"], \"constraints\": {\"allowed_origins\":"
          + " [\"https://dash.example.com\"], \"rate_limit_rpm\": 60, \"require_referer\": true,"
          + " \"future_rule\": 1}, \"created_at\": \"2026-03-15T10:00:00Z\", \"expires_at\":"
          + " \"2027-03-15T10:00:00Z\", \"last_used_at\": null, \"revoked\": false, \"group_id\":"
          + " null, \"owner\": \"demo\"}";

  private LightPaneClient sessionClient(Transport transport) {
    return builder(transport)
        .credentials(Credentials.session("lightpane_session=" + SESSION))
        .build();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void listReadsEveryFieldOfAGrantRecord(Transport transport) {
    server.stubFor(get("/keys").willReturn(okJson("{\"grants\": [" + RECORD + "]}")));
    try (LightPaneClient client = sessionClient(transport)) {
      List<AccessKey> keys = client.keys().list();
      assertEquals(1, keys.size());
      AccessKey k = keys.get(0);
      assertEquals("6f1c2b0e-8d4a-4c3e-9b7f-2a1d5e6c7b80", k.grantId());
      assertEquals(KeyType.EMBED, k.type());
      assertEquals("dashboard", k.label());
      assertEquals("csl_em_...7iys", k.tokenPrefix());
      assertEquals(List.of(new CloudBinding(Provider.AWS, "123456789012", "*")), k.cloudBindings());
      assertEquals(List.of("ec2", "s3"), k.allowedServices());
      assertFalse(k.allowsAllServices());
      KeyConstraints c = k.constraints();
      assertEquals(List.of("https://dash.example.com"), c.allowedOrigins());
      assertEquals(List.of(), c.allowedIps());
      assertEquals(60, c.rateLimitRpm());
      assertNull(c.maxBatchSize());
      assertEquals(Boolean.TRUE, c.requireReferer());
      assertEquals(Map.of("future_rule", 1), c.additionalProperties());
      assertEquals(Instant.parse("2026-03-15T10:00:00Z"), k.createdAt());
      assertEquals(Instant.parse("2027-03-15T10:00:00Z"), k.expiresAt());
      assertNull(k.lastUsedAt());
      assertFalse(k.revoked());
      assertNull(k.groupId());
      assertEquals(Map.of("owner", "demo"), k.additionalProperties());
    }
    server.verify(
        getRequestedFor(urlEqualTo("/keys"))
            .withHeader("Cookie", equalTo("lightpane_session=" + SESSION))
            .withHeader("Authorization", absent()));
  }

  /** POST /keys answers 201 with this JSON body. */
  private void answerCreate(String body) {
    server.stubFor(
        post("/keys")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void createSendsOnlyWhatIsSetAndReturnsTheOneTimeToken(Transport transport) {
    answerCreate("{\"grant\": " + RECORD + ", \"token\": \"" + NEW_TOKEN + "\"}");
    try (LightPaneClient client = sessionClient(transport)) {
      CreatedKey created =
          client
              .keys()
              .create(
                  CreateKeyRequest.builder(KeyType.EMBED, "dashboard")
                      .cloudAccount(Provider.AWS, "123456789012")
                      .allowedServices(List.of("ec2", "s3"))
                      .constraints(
                          KeyConstraints.builder()
                              .allowedOrigins("https://dash.example.com")
                              .rateLimitRpm(60)
                              .build())
                      .expiresInDays(365)
                      .build());
      assertEquals(NEW_TOKEN, created.token().reveal());
      assertEquals("csl_em_...7iys", created.token().toString());
      assertFalse(created.toString().contains(NEW_TOKEN), created.toString());
      assertEquals("dashboard", created.key().label());
    }
    server.verify(
        postRequestedFor(urlEqualTo("/keys"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    "{\"grant_type\": \"embed\", \"label\": \"dashboard\", \"cloud_accounts\":"
                        + " [{\"provider\": \"aws\", \"account_id\": \"123456789012\"}],"
                        + " \"allowed_services\": [\"ec2\", \"s3\"], \"constraints\":"
                        + " {\"allowed_origins\": [\"https://dash.example.com\"],"
                        + " \"rate_limit_rpm\": 60}, \"expires_in_days\": 365}")));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aCreatedKeyWithoutItsTokenIsNotALightPaneResponse(Transport transport) {
    answerCreate("{\"grant\": " + RECORD + "}");
    try (LightPaneClient client = sessionClient(transport)) {
      InvalidResponseException e =
          assertThrows(
              InvalidResponseException.class,
              () -> client.keys().create(CreateKeyRequest.builder(KeyType.EMBED, "x").build()));
      assertEquals(
          "The response to POST /keys from "
              + baseUrl()
              + " is not a LightPane response: it has no 'token'. Check the base URL (it should"
              + " point at the LightPane API).",
          e.getMessage());
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void revokeEncodesTheIdAndReturnsTheRevokedRecord(Transport transport) {
    server.stubFor(
        delete("/keys/6f1c2b0e-8d4a-4c3e-9b7f-2a1d5e6c7b80")
            .willReturn(
                okJson(
                    "{\"grant\": "
                        + RECORD.replace("\"revoked\": false", "\"revoked\": true")
                        + "}")));
    server.stubFor(
        delete("/keys/a%2Fb")
            .willReturn(aResponse().withStatus(404).withBody(errorBody("Grant not found"))));
    try (LightPaneClient client = sessionClient(transport)) {
      assertTrue(client.keys().revoke("6f1c2b0e-8d4a-4c3e-9b7f-2a1d5e6c7b80").revoked());
      assertTrue(
          client.keys().revokeAsync("6f1c2b0e-8d4a-4c3e-9b7f-2a1d5e6c7b80").join().revoked());
      NotFoundException e =
          assertThrows(NotFoundException.class, () -> client.keys().revoke("a/b"));
      assertEquals(
          "Grant not found (HTTP 404). No key with that id belongs to you: list the keys to see their ids.",
          e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> client.keys().revoke(" "));
    }
    server.verify(2, deleteRequestedFor(urlEqualTo("/keys/6f1c2b0e-8d4a-4c3e-9b7f-2a1d5e6c7b80")));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void anAccessKeyCannotManageKeys(Transport transport) {
    server.stubFor(
        get("/keys")
            .willReturn(aResponse().withStatus(401).withBody(errorBody("Session required"))));
    try (LightPaneClient client = client(transport)) {
      AuthenticationException e =
          assertThrows(AuthenticationException.class, () -> client.keys().list());
      assertEquals(
          "Session required (HTTP 401). Managing keys needs a session: set LIGHTPANE_SESSION to"
              + " the value of the lightpane_session cookie (an access key cannot manage keys).",
          e.getMessage());
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void asyncKeyCallsWork(Transport transport) {
    server.stubFor(get("/keys").willReturn(okJson("{\"grants\": [" + RECORD + "]}")));
    try (LightPaneClient client = sessionClient(transport)) {
      assertEquals("dashboard", client.keys().listAsync().join().get(0).label());
    }
  }
}
