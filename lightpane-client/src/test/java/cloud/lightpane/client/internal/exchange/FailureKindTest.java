package cloud.lightpane.client.internal.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.client.internal.transport.NotSentException;
import cloud.lightpane.client.internal.transport.Watchdog;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * How an I/O failure is classified, which decides whether it is retried and how it is worded: the
 * exceptions are the ones the two JDK transports throw.
 */
class FailureKindTest {
  private static final long NO_DEADLINE = Long.MAX_VALUE;

  private static FailureKind notSent(IOException cause) {
    return FailureKind.of(new NotSentException(cause), NO_DEADLINE);
  }

  @Test
  void aFailureToConnectIsNamedForWhatWentWrong() {
    assertEquals(FailureKind.CONNECT_TIMEOUT, notSent(new HttpConnectTimeoutException("slow")));
    assertEquals(FailureKind.CONNECT_TIMEOUT, notSent(new SocketTimeoutException("connect")));
    assertEquals(FailureKind.DNS, notSent(new UnknownHostException("api.example.test")));
    assertEquals(FailureKind.UNREACHABLE, notSent(new NoRouteToHostException("no route")));
    assertEquals(FailureKind.TLS, notSent(new SSLHandshakeException("bad certificate")));
    assertEquals(FailureKind.REFUSED, notSent(new ConnectException("Connection refused")));
    assertEquals(FailureKind.CONNECT, notSent(new IOException("something else")));
  }

  @Test
  void aHostThatDoesNotResolveIsFoundDownTheCauseChain() {
    IOException wrapped = new IOException("connect", new IOException("inner", unknownHost()));
    assertEquals(FailureKind.DNS, notSent(wrapped));
  }

  @Test
  void aCauseChainIsFollowedTenDeepAndNoFurther() {
    Throwable nine = unknownHost();
    for (int i = 0; i < 9; i++) {
      nine = new IOException("level " + i, nine);
    }
    assertEquals(FailureKind.DNS, notSent((IOException) nine));
    IOException ten = new IOException("level 9", nine);
    assertEquals(FailureKind.CONNECT, notSent(ten));
  }

  @Test
  void aCycleOfCausesEnds() {
    IOException a = new IOException("a");
    IOException b = new IOException("b", a);
    a.initCause(b);
    assertEquals(FailureKind.CONNECT, notSent(a));
  }

  @Test
  void afterTheRequestLeftATimeoutIsAReadTimeoutUntilTheDeadlinePasses() {
    HttpTimeoutException timeout = new HttpTimeoutException("request timed out");
    assertEquals(FailureKind.READ_TIMEOUT, FailureKind.of(timeout, NO_DEADLINE));
    long inAnHour = System.nanoTime() + 3_600_000_000_000L;
    assertEquals(FailureKind.READ_TIMEOUT, FailureKind.of(timeout, inAnHour));
    long aSecondAgo = System.nanoTime() - 1_000_000_000L;
    assertEquals(FailureKind.DEADLINE, FailureKind.of(timeout, aSecondAgo));
    assertEquals(
        FailureKind.DEADLINE, FailureKind.of(new SocketTimeoutException("read"), aSecondAgo));
    // A connect timeout once the deadline has passed is the deadline's doing too.
    assertEquals(
        FailureKind.DEADLINE,
        FailureKind.of(new NotSentException(new HttpConnectTimeoutException("x")), aSecondAgo));
    assertEquals(
        FailureKind.DEADLINE,
        FailureKind.of(new Watchdog.DeadlineExceededException(), NO_DEADLINE));
  }

  @Test
  void afterTheRequestLeftOtherFailuresAreTlsOrABrokenBody() {
    assertEquals(FailureKind.TLS, FailureKind.of(new SSLHandshakeException("x"), NO_DEADLINE));
    assertEquals(
        FailureKind.BROKEN_BODY, FailureKind.of(new IOException("Connection reset"), NO_DEADLINE));
    // A refusal after sending cannot be a connect failure: the words of a reset.
    assertEquals(
        FailureKind.BROKEN_BODY, FailureKind.of(new ConnectException("reset"), NO_DEADLINE));
  }

  @Test
  void aProxyThatRefusesTheTunnelForCredentialsIsProxyAuthentication() {
    // HttpURLConnection's words for a 407 to CONNECT, and java.net.http's after its retries.
    assertEquals(
        FailureKind.PROXY_AUTH,
        notSent(
            new IOException(
                "Unable to tunnel through proxy. Proxy returns \"HTTP/1.1 407 Proxy"
                    + " Authentication Required\"")));
    assertEquals(
        FailureKind.PROXY_AUTH,
        FailureKind.of(new IOException("too many authentication attempts. Limit: 3"), NO_DEADLINE));
    // Another refusal by the proxy is a connect failure, not a question of credentials.
    assertEquals(
        FailureKind.CONNECT,
        notSent(
            new IOException(
                "Unable to tunnel through proxy. Proxy returns \"HTTP/1.1 403 Forbidden\"")));
    assertEquals(FailureKind.CONNECT, notSent(new IOException((String) null)));
  }

  @Test
  void onlyAFailureBeforeSendingProvesTheRequestNeverArrived() {
    for (FailureKind never :
        new FailureKind[] {
          FailureKind.DNS,
          FailureKind.CONNECT_TIMEOUT,
          FailureKind.REFUSED,
          FailureKind.UNREACHABLE,
          FailureKind.PROXY_AUTH,
          FailureKind.CONNECT
        }) {
      assertFalse(never.mayHaveArrived(), never.name());
    }
    for (FailureKind maybe :
        new FailureKind[] {
          FailureKind.STATUS,
          FailureKind.DEADLINE,
          FailureKind.READ_TIMEOUT,
          FailureKind.TLS,
          FailureKind.BROKEN_BODY,
          FailureKind.INVALID_JSON
        }) {
      assertTrue(maybe.mayHaveArrived(), maybe.name());
    }
  }

  private static UnknownHostException unknownHost() {
    return new UnknownHostException("api.example.test");
  }
}
