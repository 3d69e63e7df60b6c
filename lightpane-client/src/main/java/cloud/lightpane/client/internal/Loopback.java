package cloud.lightpane.client.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The loopback rule behind the plain-http check: a host is loopback when it is {@code localhost} or
 * a literal loopback address ({@code 127.0.0.0/8}, {@code [::1]}). A name is never resolved through
 * DNS to decide, so {@code app.localhost}, {@code localhost.example} and {@code 127.example} are
 * not loopback.
 */
public final class Loopback {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  // Hex digits, colons and dots only: anything else in brackets is a name getByName would resolve.
  private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]+]");

  private Loopback() {}

  /** Whether {@code host} (not null) is loopback by the rule above. */
  public static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost")) {
      return true;
    }
    boolean literal = IPV4.matcher(h).matches() || IPV6.matcher(h).matches();
    if (!literal) {
      return false; // never resolve a name here: no DNS lookup just to decide
    }
    try {
      // A literal is parsed, not looked up: getByName resolves nothing for an address literal.
      return InetAddress.getByName(h.startsWith("[") ? h.substring(1, h.length() - 1) : h)
          .isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
