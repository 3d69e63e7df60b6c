package cloud.lightpane.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A 429 asking for a wait of any size is reported with that size: a number of seconds too large for
 * milliseconds (or for a long) must not wrap around into "1 s", and none of it is slept.
 */
class LongWaitsTest extends WireMockSupport {

  @ParameterizedTest(name = "Retry-After {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "9300000000000000 | more than 107638888888 days | 9300000000000000",
        "9223372036854775807 | more than 106751991167300 days | 9223372036854775807",
        "100000000000000000000000000000 | more than 106751991167300 days | 9223372036854775807",
        "86400 | 1 day | 86400",
        "183600 | 2 days 3 h | 183600",
        "9000 | 2 h 30 min | 9000",
        "61 | 1 min 1 s | 61",
        "0.25 | 250 ms | 0",
      })
  void retryAfterOfAnySizeIsReportedAsItsRealSize(String header, String words, long seconds) {
    server.stubFor(any(anyUrl()).willReturn(limited().withHeader("Retry-After", header)));
    try (LightPaneClient client = client(Transport.JAVA_NET_HTTP)) {
      RateLimitException e = assertThrows(RateLimitException.class, () -> client.discover(ec2()));
      assertEquals(seconds, e.retryAfter().orElseThrow().getSeconds());
      assertTrue(
          e.getMessage().startsWith("Rate limit exceeded (HTTP 429). Retry after " + words + "."),
          e.getMessage());
    }
  }

  @ParameterizedTest(name = "RateLimit-Reset {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "9300000000000000 | more than 107638888888 days",
        "99999999999999999999999 | more than 106751991167300 days",
        "3600 | 1 h",
      })
  void rateLimitResetOfAnySizeIsReportedToo(String reset, String words) {
    server.stubFor(any(anyUrl()).willReturn(limited().withHeader("RateLimit-Reset", reset)));
    try (LightPaneClient client = client(Transport.URL_CONNECTION)) {
      RateLimitException e = assertThrows(RateLimitException.class, () -> client.discover(ec2()));
      assertTrue(
          e.getMessage().startsWith("Rate limit exceeded (HTTP 429). Retry after " + words + "."),
          e.getMessage());
      assertTrue(
          e.getMessage().contains("The server asks to wait " + words + ", longer than the 1 min"),
          e.getMessage());
    }
    assertEquals(1, server.getAllServeEvents().size(), "no retry for a wait past the cap");
    assertEquals(0, sleeps.size(), "nothing slept");
  }

  @ParameterizedTest(name = "Retry-After {0} within the cap is waited")
  @CsvSource({"1.5, 1500", "2.0015, 2001", "7, 7000"})
  void aShortRetryAfterIsWaitedExactly(String header, long millis) {
    server.stubFor(any(anyUrl()).willReturn(limited().withHeader("Retry-After", header)));
    try (LightPaneClient client = builder(Transport.JAVA_NET_HTTP).maxRetries(1).build()) {
      assertThrows(RateLimitException.class, () -> client.discover(ec2()));
    }
    assertEquals(1, sleeps.size(), sleeps.toString());
    assertEquals(millis, sleeps.get(0).toMillis());
  }

  private static ResponseDefinitionBuilder limited() {
    return aResponse()
        .withStatus(429)
        .withHeader("Content-Type", "application/json")
        .withBody(errorBody("Rate limit exceeded"));
  }
}
