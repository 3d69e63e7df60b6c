package cloud.lightpane.client.internal.exchange;

import cloud.lightpane.client.internal.transport.NotSentException;
import cloud.lightpane.client.internal.transport.Watchdog;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/**
 * What kind of failure ended an attempt. Decided once, by {@link #of}, where the failure happens;
 * the retry policy decides on the kind and {@link FailureText} words it, so that no one else walks
 * a cause chain.
 */
public enum FailureKind {
  /** The server answered with a status that is not a success. */
  STATUS(true),
  /** The call's overall deadline passed. */
  DEADLINE(true),
  /** The host name does not resolve. */
  DNS(false),
  /** No connection within the connect timeout. */
  CONNECT_TIMEOUT(false),
  /** The host refused the connection (nothing listens on the port). */
  REFUSED(false),
  /** No route to the host. */
  UNREACHABLE(false),
  /** The proxy refused to open a tunnel without (other) credentials: 407 to CONNECT. */
  PROXY_AUTH(false),
  /** Any other failure to connect; the request never left. */
  CONNECT(false),
  /** The server went silent for the request timeout after the request left. */
  READ_TIMEOUT(true),
  /** TLS failed, while or after connecting: a certificate or protocol mismatch. */
  TLS(true),
  /** The connection broke after the request left: a reset, or a body cut short. */
  BROKEN_BODY(true),
  /** A success whose body is not the JSON it should be. */
  INVALID_JSON(true);

  private final boolean mayHaveArrived;

  FailureKind(boolean mayHaveArrived) {
    this.mayHaveArrived = mayHaveArrived;
  }

  /** Whether the request may have reached the server (false: it provably never left). */
  public boolean mayHaveArrived() {
    return mayHaveArrived;
  }

  /**
   * Classifies an I/O failure. A timeout that struck once the deadline had passed is the deadline's
   * doing (the transport cut its wait short to meet it).
   *
   * @param deadlineNanos the call's deadline in {@link System#nanoTime()} terms, or {@link
   *     Long#MAX_VALUE}
   */
  public static FailureKind of(IOException e, long deadlineNanos) {
    if (e instanceof Watchdog.DeadlineExceededException) {
      return DEADLINE;
    }
    Throwable cause = e instanceof NotSentException ? e.getCause() : e;
    if (proxyRefused(cause)) {
      return PROXY_AUTH;
    }
    boolean timeout =
        cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException;
    if (timeout && deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos >= 0) {
      return DEADLINE;
    }
    if (e instanceof NotSentException) {
      if (cause instanceof HttpConnectTimeoutException || cause instanceof SocketTimeoutException) {
        return CONNECT_TIMEOUT;
      }
      if (hasCause(cause, UnknownHostException.class)
          || hasCause(cause, UnresolvedAddressException.class)) {
        return DNS;
      }
      if (cause instanceof NoRouteToHostException) {
        return UNREACHABLE;
      }
      if (hasCause(cause, SSLException.class)) {
        return TLS; // a handshake that failed while connecting fails the same way again
      }
      return cause instanceof ConnectException ? REFUSED : CONNECT;
    }
    if (timeout) {
      return READ_TIMEOUT;
    }
    return e instanceof SSLException ? TLS : BROKEN_BODY;
  }

  /**
   * The JDK's words for a proxy that refused to open a tunnel: HttpURLConnection's for a 407 to its
   * CONNECT, and java.net.http's once the credentials it was given were refused as often as it
   * tries ({@code jdk.httpclient.auth.retrylimit}). Only a proxy's challenge is ever answered
   * (ProxyCredentials gives nothing to a server), so both mean the proxy.
   */
  private static boolean proxyRefused(Throwable cause) {
    String m = cause == null ? null : cause.getMessage();
    return m != null
        && ((m.startsWith("Unable to tunnel through proxy") && m.contains(" 407"))
            || m.startsWith("too many authentication attempts"));
  }

  private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
    for (int i = 0; t != null && i < 10; i++, t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
