package cloud.lightpane.client.internal.transport;

import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A proxy's user and password, answered to the proxy's {@code 407} challenge on both transports and
 * never to the server (a {@code 401} gets nothing from here). For a plain-http request through a
 * proxy, {@link #basicHeader()} is also sent with the request itself, so that a body sent in
 * streaming mode never needs a second try. Through an https tunnel the JDK answers Basic only when
 * {@code jdk.http.auth.tunneling.disabledSchemes} does not list it (the JDK's default does).
 */
public final class ProxyCredentials extends Authenticator {
  private final String user;
  private final char[] password;

  /** The credentials; neither part may be null. */
  public ProxyCredentials(String user, char[] password) {
    this.user = user;
    this.password = password.clone();
  }

  @Override
  protected PasswordAuthentication getPasswordAuthentication() {
    return getRequestorType() == RequestorType.PROXY
        ? new PasswordAuthentication(user, password.clone())
        : null;
  }

  /** {@code Basic base64(user:password)}, the value of {@code Proxy-Authorization}. */
  public String basicHeader() {
    byte[] pair = (user + ":" + new String(password)).getBytes(StandardCharsets.UTF_8);
    return "Basic " + Base64.getEncoder().encodeToString(pair);
  }

  /** The user, for messages and logs (the password never appears in either). */
  public String user() {
    return user;
  }
}
