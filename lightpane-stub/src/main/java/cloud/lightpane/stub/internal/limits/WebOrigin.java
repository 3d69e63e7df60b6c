package cloud.lightpane.stub.internal.limits;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A web origin: scheme, host and port, with the default port filled in, scheme and host in lower
 * case, so that two origins match exactly when they are equal. No wildcards; {@code null} (the
 * {@code Origin: null} of sandboxed pages) is never an origin.
 *
 * @param scheme {@code http} or {@code https}
 * @param host the host name, IPv4 address or bracketed IPv6 address, lower case
 * @param port the port, default ports implied
 */
public record WebOrigin(String scheme, String host, int port) {

  private static final Pattern ORIGIN =
      Pattern.compile(
          "([A-Za-z][A-Za-z0-9+.-]*)://(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)"
              + "(?::(\\d{1,5}))?");

  /**
   * Parses an origin exactly as {@code allowed_origins} and the {@code Origin} header write it:
   * {@code scheme://host[:port]}, scheme {@code http} or {@code https}, nothing after the port.
   */
  public static Optional<WebOrigin> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = ORIGIN.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    String scheme = m.group(1).toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.empty();
    }
    int port;
    if (m.group(3) == null) {
      port = defaultPort(scheme);
    } else {
      port = Integer.parseInt(m.group(3));
      if (port < 1 || port > 65535) {
        return Optional.empty();
      }
    }
    return Optional.of(new WebOrigin(scheme, m.group(2).toLowerCase(Locale.ROOT), port));
  }

  /** The origin of a {@code Referer} URL (its scheme, host and port); empty when it has none. */
  public static Optional<WebOrigin> ofReferer(String referer) {
    if (referer == null || referer.isBlank()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(referer.trim());
      if (uri.getScheme() == null || uri.getRawAuthority() == null || uri.getHost() == null) {
        return Optional.empty();
      }
      String authority = uri.getScheme() + "://" + uri.getHost();
      return parse(uri.getPort() < 0 ? authority : authority + ":" + uri.getPort());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static int defaultPort(String scheme) {
    return scheme.equals("https") ? 443 : 80;
  }
}
