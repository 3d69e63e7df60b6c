package cloud.lightpane.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.client.discovery.DiscoveryRequest;
import cloud.lightpane.client.discovery.Provider;
import cloud.lightpane.client.discovery.ServiceQuery;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every error string of the contract (api/CONTRACT.md) is a constant of {@link ErrorReason}. */
class ErrorReasonTest extends WireMockSupport {

  /** The contract's strings, typed from the contract, each with its constant and its code. */
  static Stream<Arguments> contract() {
    return Stream.of(
        Arguments.of("Invalid JSON in request body", ErrorReason.INVALID_JSON, "invalid_json"),
        Arguments.of(
            "Missing 'services' in request body", ErrorReason.MISSING_SERVICES, "missing_services"),
        Arguments.of(
            "'services' must be a non-empty array", ErrorReason.EMPTY_SERVICES, "empty_services"),
        Arguments.of(
            "Batch size exceeds limit for this token",
            ErrorReason.BATCH_SIZE_EXCEEDED,
            "batch_size_exceeded"),
        Arguments.of("Invalid service identifier", ErrorReason.INVALID_SERVICE, "invalid_service"),
        Arguments.of("Invalid provider", ErrorReason.INVALID_PROVIDER, "invalid_provider"),
        Arguments.of("Invalid region", ErrorReason.INVALID_REGION, "invalid_region"),
        Arguments.of("Invalid source", ErrorReason.INVALID_SOURCE, "invalid_source"),
        Arguments.of("Invalid grant_type", ErrorReason.INVALID_GRANT_TYPE, "invalid_grant_type"),
        Arguments.of("Invalid label", ErrorReason.INVALID_LABEL, "invalid_label"),
        Arguments.of(
            "'cloud_accounts' must not be empty",
            ErrorReason.EMPTY_CLOUD_ACCOUNTS,
            "empty_cloud_accounts"),
        Arguments.of(
            "Unknown cloud account", ErrorReason.UNKNOWN_CLOUD_ACCOUNT, "unknown_cloud_account"),
        Arguments.of("Unknown group", ErrorReason.UNKNOWN_GROUP, "unknown_group"),
        Arguments.of(
            "Invalid expires_in_days",
            ErrorReason.INVALID_EXPIRES_IN_DAYS,
            "invalid_expires_in_days"),
        Arguments.of("Malformed request", ErrorReason.MALFORMED_REQUEST, "malformed_request"),
        Arguments.of("Invalid or expired token", ErrorReason.INVALID_TOKEN, "invalid_token"),
        Arguments.of("Token revoked", ErrorReason.TOKEN_REVOKED, "token_revoked"),
        Arguments.of("Session required", ErrorReason.SESSION_REQUIRED, "session_required"),
        Arguments.of(
            "Origin not permitted for this token",
            ErrorReason.ORIGIN_NOT_PERMITTED,
            "origin_not_permitted"),
        Arguments.of(
            "IP address not permitted for this token",
            ErrorReason.IP_NOT_PERMITTED,
            "ip_not_permitted"),
        Arguments.of(
            "Referer header required for this token",
            ErrorReason.REFERER_REQUIRED,
            "referer_required"),
        Arguments.of(
            "Service not permitted for this token",
            ErrorReason.SERVICE_NOT_PERMITTED,
            "service_not_permitted"),
        Arguments.of(
            "Account not permitted for this token",
            ErrorReason.ACCOUNT_NOT_PERMITTED,
            "account_not_permitted"),
        Arguments.of(
            "CORS is not allowed for /keys", ErrorReason.CORS_NOT_ALLOWED, "cors_not_allowed"),
        Arguments.of("Grant not found", ErrorReason.GRANT_NOT_FOUND, "grant_not_found"),
        Arguments.of("Not found", ErrorReason.NOT_FOUND, "not_found"),
        Arguments.of("Method not allowed", ErrorReason.METHOD_NOT_ALLOWED, "method_not_allowed"),
        Arguments.of("Request body too large", ErrorReason.BODY_TOO_LARGE, "body_too_large"),
        Arguments.of(
            "Content-Type must be application/json",
            ErrorReason.UNSUPPORTED_CONTENT_TYPE,
            "unsupported_content_type"),
        Arguments.of("Rate limit exceeded", ErrorReason.RATE_LIMITED, "rate_limited"),
        Arguments.of("Not implemented", ErrorReason.NOT_IMPLEMENTED, "not_implemented"));
  }

  @ParameterizedTest
  @MethodSource("contract")
  void everyFixedStringIsItsConstant(String error, ErrorReason constant, String code) {
    ErrorReason reason = ErrorReason.of(error);
    assertSame(constant, reason);
    assertEquals(code, reason.code());
    assertTrue(reason.isKnown());
    assertNull(reason.detail());
    assertEquals(error, reason.message());
  }

  /** The messages that name a culprit after a fixed prefix. */
  static Stream<Arguments> withCulprit() {
    return Stream.of(
        Arguments.of(
            "Invalid service request at index 3",
            ErrorReason.INVALID_SERVICE_REQUEST,
            "invalid_service_request",
            "3"),
        Arguments.of(
            "Invalid attribute: vpc", ErrorReason.INVALID_ATTRIBUTE, "invalid_attribute", "vpc"),
        Arguments.of(
            "Duplicate attribute: name",
            ErrorReason.DUPLICATE_ATTRIBUTE,
            "duplicate_attribute",
            "name"),
        Arguments.of(
            "Invalid constraint: allowed_ips",
            ErrorReason.INVALID_CONSTRAINT,
            "invalid_constraint",
            "allowed_ips"));
  }

  @ParameterizedTest
  @MethodSource("withCulprit")
  void aCulpritIsTheDetailOfItsConstant(
      String error, ErrorReason constant, String code, String detail) {
    ErrorReason reason = ErrorReason.of(error);
    assertEquals(constant, reason);
    assertEquals(code, reason.code());
    assertEquals(detail, reason.detail());
    assertEquals(error, reason.message());
  }

  @Test
  void anyOtherStringIsKeptAsItCame() {
    ErrorReason reason = ErrorReason.of("Quota exhausted for this month");
    assertFalse(reason.isKnown());
    assertEquals("Quota exhausted for this month", reason.code());
    assertEquals("Quota exhausted for this month", reason.message());
    assertEquals(ErrorReason.of("Quota exhausted for this month"), reason);
    assertNotEquals(ErrorReason.of("Quota exhausted for this week"), reason);
    assertNotEquals(ErrorReason.INVALID_REGION, ErrorReason.of("invalid region"), "case counts");
    assertSame(ErrorReason.NONE, ErrorReason.of(null));
    assertSame(ErrorReason.NONE, ErrorReason.of(""));
  }

  @ParameterizedTest
  @MethodSource("contract")
  void theExceptionOfAnErrorBodyCarriesItsReason(String error, ErrorReason constant, String code) {
    server.stubFor(
        post("/discovery")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\": \"" + error + "\"}")));
    try (LightPaneClient client = builder(Transport.JAVA_NET_HTTP).build()) {
      LightPaneApiException e =
          assertThrows(
              LightPaneApiException.class,
              () ->
                  client.discover(
                      DiscoveryRequest.of(
                          ServiceQuery.builder("ec2")
                              .provider(Provider.AWS)
                              .region("eu-west-2")
                              .build())));
      assertEquals(constant, e.reason());
      assertEquals(code, e.reason().code());
    }
  }

  @Test
  void aBodyWithoutAnErrorFieldHasNoReason() {
    server.stubFor(
        post("/discovery")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<h1>Bad</h1>")));
    try (LightPaneClient client = builder(Transport.JAVA_NET_HTTP).build()) {
      LightPaneApiException e =
          assertThrows(
              LightPaneApiException.class,
              () ->
                  client.discover(
                      DiscoveryRequest.of(
                          ServiceQuery.builder("ec2")
                              .provider(Provider.AWS)
                              .region("eu-west-2")
                              .build())));
      assertSame(ErrorReason.NONE, e.reason());
    }
  }
}
