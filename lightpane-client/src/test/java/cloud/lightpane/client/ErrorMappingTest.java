package cloud.lightpane.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.client.auth.Credentials;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every error status of the contract becomes the right exception with a helpful message. */
class ErrorMappingTest extends WireMockSupport {

  static Stream<Arguments> statuses() {
    Object[][] cases = {
      // status, server message, exception type, expected message start
      {
        400,
        "Invalid JSON in request body",
        BadRequestException.class,
        "Invalid JSON in request body (HTTP 400). Check the request"
      },
      {
        400,
        "Missing 'services' in request body",
        BadRequestException.class,
        "Missing 'services' in request body (HTTP 400)."
      },
      {
        400,
        "Batch size exceeds limit for this token",
        BadRequestException.class,
        "Batch size exceeds limit for this token (HTTP 400). Send fewer services"
      },
      {
        400,
        "Invalid service identifier",
        BadRequestException.class,
        "Invalid service identifier (HTTP 400). Check the service ids"
      },
      {
        400,
        "Invalid region",
        BadRequestException.class,
        "Invalid region (HTTP 400). Check the region for the provider"
      },
      {
        400,
        "Invalid attribute: colour",
        BadRequestException.class,
        "Invalid attribute: colour (HTTP 400). Check the attributes"
      },
      {
        401,
        "Invalid or expired token",
        AuthenticationException.class,
        "Invalid or expired token (HTTP 401). Check LIGHTPANE_API_KEY or create a new key."
      },
      {
        401,
        "Token revoked",
        AuthenticationException.class,
        "Token revoked (HTTP 401). The key csl_ak_...D4Oc"
      },
      {
        401,
        "Session required",
        AuthenticationException.class,
        "Session required (HTTP 401). Managing keys needs a session"
      },
      {
        403,
        "Origin not permitted for this token",
        PermissionDeniedException.class,
        "Origin not permitted for this token (HTTP 403). Call from an origin"
      },
      {
        403,
        "IP address not permitted for this token",
        PermissionDeniedException.class,
        "IP address not permitted for this token (HTTP 403). Call from an address"
      },
      {
        403,
        "Referer header required for this token",
        PermissionDeniedException.class,
        "Referer header required for this token (HTTP 403)."
      },
      {
        403,
        "Service not permitted for this token",
        PermissionDeniedException.class,
        "Service not permitted for this token (HTTP 403)."
      },
      {
        403,
        "Account not permitted for this token",
        PermissionDeniedException.class,
        "Account not permitted for this token (HTTP 403)."
      },
      {
        404,
        "Not found",
        NotFoundException.class,
        "Not found (HTTP 404). The server at http://127.0.0.1:"
      },
      {
        405,
        "Method not allowed",
        UnexpectedStatusException.class,
        "Method not allowed (HTTP 405). The server does not allow POST /discovery"
      },
      {
        413,
        "Request body too large",
        UnexpectedStatusException.class,
        "Request body too large (HTTP 413). The request is larger"
      },
      {
        415,
        "Content-Type must be application/json",
        UnexpectedStatusException.class,
        "Content-Type must be application/json (HTTP 415)."
      },
      {
        429,
        "Rate limit exceeded",
        RateLimitException.class,
        "Rate limit exceeded (HTTP 429). The limit is 10 requests a minute. Retry after 7 s."
      },
      {
        500,
        "Internal server error",
        ServerException.class,
        "Internal server error (HTTP 500). The server failed"
      },
      {501, "Not implemented", UnexpectedStatusException.class, "Not implemented (HTTP 501)."},
      {503, "Service unavailable", ServerException.class, "Service unavailable (HTTP 503)."},
    };
    List<Arguments> args = new ArrayList<>();
    for (Transport t : Transport.values()) {
      for (Object[] c : cases) {
        args.add(Arguments.of(t, c[0], c[1], c[2], c[3]));
      }
    }
    return args.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("statuses")
  void statusBecomesTypedExceptionWithMessage(
      Transport transport, int status, String error, Class<?> type, String expected) {
    server.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("RateLimit-Limit", "10")
                    .withHeader("Retry-After", "7")
                    .withBody(errorBody(error))));
    try (LightPaneClient client = builder(transport).maxRetries(0).build()) {
      LightPaneApiException e =
          assertThrows(LightPaneApiException.class, () -> client.discover(ec2()));
      assertInstanceOf(type, e);
      assertEquals(status, e.statusCode());
      assertEquals(error, e.errorMessage());
      assertTrue(
          e.getMessage().startsWith(expected),
          () -> "message was: " + e.getMessage() + "\nexpected start: " + expected);
      assertFalse(e.getMessage().contains(TOKEN), "token in message");
      assertEquals(errorBody(error), e.body());
      assertEquals("10", e.headers().get("ratelimit-limit").get(0), "headers ignore case");
      if (e instanceof RateLimitException) {
        assertEquals(Duration.ofSeconds(7), ((RateLimitException) e).retryAfter().orElseThrow());
      }
    }
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(Transport.class)
  void sessionAndAnonymousGetTheirOwnAdviceOn401(Transport transport) {
    server.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse().withStatus(401).withBody(errorBody("Invalid or expired token"))));
    try (LightPaneClient client = builder(transport).credentials(Credentials.anonymous()).build()) {
      AuthenticationException e =
          assertThrows(AuthenticationException.class, () -> client.discover(ec2()));
      assertTrue(e.getMessage().contains("No credentials were sent"), e.getMessage());
    }
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(Transport.class)
  void aRedirectIsNotFollowedAndSaysWhereItPoints(Transport transport) {
    server.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(301)
                    .withHeader("Location", "https://api.example.com/discovery")));
    try (LightPaneClient client = client(transport)) {
      UnexpectedStatusException e =
          assertThrows(UnexpectedStatusException.class, () -> client.discover(ec2()));
      assertEquals(
          "Redirected (HTTP 301). The server redirects to https://api.example.com/discovery; the"
              + " client does not follow redirects: set the base URL to the API root itself (often"
              + " the https:// form of the same address).",
          e.getMessage());
    }
    assertEquals(1, server.getAllServeEvents().size());
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(Transport.class)
  void htmlBadGatewayFromAProxyIsAServerErrorThatSaysSo(Transport transport) {
    String html = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
    server.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(502)
                    .withHeader("Content-Type", "text/html; charset=utf-8")
                    .withBody(html)));
    try (LightPaneClient client = client(transport)) {
      ServerException e = assertThrows(ServerException.class, () -> client.discover(ec2()));
      assertEquals(502, e.statusCode());
      assertNull(e.errorMessage());
      assertEquals(html, e.body());
      assertTrue(
          e.getMessage()
              .startsWith(
                  "Bad gateway (HTTP 502). The answer was not a LightPane error (text/html)"),
          e.getMessage());
      assertTrue(e.getMessage().contains("proxy"), e.getMessage());
      assertTrue(e.getMessage().endsWith("Gave up after 3 attempts."), e.getMessage());
      assertEquals(3, server.getAllServeEvents().size(), "502 is retried");
    }
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(Transport.class)
  void anErrorMessageEchoingTheTokenIsMasked(Transport transport) {
    server.stubFor(
        any(anyUrl())
            .willReturn(aResponse().withStatus(400).withBody(errorBody("Bad token " + TOKEN))));
    try (LightPaneClient client = client(transport)) {
      BadRequestException e = assertThrows(BadRequestException.class, () -> client.discover(ec2()));
      assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
      assertFalse(e.errorMessage().contains(TOKEN), e.errorMessage());
      assertFalse(e.body().contains(TOKEN), e.body());
      assertTrue(e.getMessage().contains("csl_ak_...D4Oc"), e.getMessage());
    }
  }
}
