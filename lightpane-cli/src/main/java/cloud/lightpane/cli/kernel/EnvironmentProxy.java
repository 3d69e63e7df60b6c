package cloud.lightpane.cli.kernel;

import cloud.lightpane.client.LightPaneClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Proxies as curl and most command-line tools read them: {@code HTTPS_PROXY} / {@code HTTP_PROXY}
 * (either case) by scheme, bypassed for hosts in {@code NO_PROXY} (comma-separated names, domain
 * suffixes such as {@code .corp.example}, or {@code *}); loopback is never proxied, and loopback
 * means a literal loopback address or {@code localhost}, as for the plain-http rule ({@code
 * 127.evil.example} is a name like any other, and goes through the proxy). A user and password in
 * the variable ({@code http://user:pass@host:port}, percent-encoded as in any URL) are the proxy's
 * Basic credentials: {@link #credentialsFor} gives them to the client.
 */
final class EnvironmentProxy extends ProxySelector {
  private final Proxy https;
  private final Proxy http;
  private final List<String> noProxy;

  /** The user and password of a proxy variable. */
  record Login(String user, char[] password) {}

  private EnvironmentProxy(Proxy https, Proxy http, List<String> noProxy) {
    this.https = https;
    this.http = http;
    this.noProxy = noProxy;
  }

  /**
   * The credentials in the variable that applies to this base URL ({@code HTTPS_PROXY} for https,
   * {@code HTTP_PROXY} for http), or null when it has none or the host bypasses the proxy.
   */
  static Login credentialsFor(URI baseUrl, Map<String, String> env) {
    boolean secure = "https".equalsIgnoreCase(baseUrl.getScheme());
    String value =
        secure ? first(env, "HTTPS_PROXY", "https_proxy") : first(env, "HTTP_PROXY", "http_proxy");
    if (value == null || from(env).select(baseUrl).get(0).type() == Proxy.Type.DIRECT) {
      return null;
    }
    URI uri = uri(value);
    if (uri == null || uri.getRawUserInfo() == null) {
      return null;
    }
    String raw = uri.getRawUserInfo();
    int colon = raw.indexOf(':');
    String user = decode(colon < 0 ? raw : raw.substring(0, colon));
    String password = colon < 0 ? "" : decode(raw.substring(colon + 1));
    return user.isEmpty() ? null : new Login(user, password.toCharArray());
  }

  private static String decode(String part) {
    try {
      return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return part;
    }
  }

  /** The selector for this environment; the JVM's default when no proxy variable is set. */
  static ProxySelector from(Map<String, String> env) {
    Proxy https = proxy(first(env, "HTTPS_PROXY", "https_proxy"));
    Proxy http = proxy(first(env, "HTTP_PROXY", "http_proxy"));
    if (https == null && http == null) {
      return ProxySelector.getDefault();
    }
    List<String> noProxy = new ArrayList<>();
    String list = first(env, "NO_PROXY", "no_proxy");
    if (list != null) {
      for (String entry : list.split(",")) {
        String host = entry.trim().toLowerCase(Locale.ROOT);
        if (!host.isEmpty()) {
          noProxy.add(host);
        }
      }
    }
    return new EnvironmentProxy(https, http, noProxy);
  }

  @Override
  public List<Proxy> select(URI uri) {
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    Proxy proxy = "https".equalsIgnoreCase(uri.getScheme()) ? https : http;
    if (proxy == null || bypassed(host)) {
      return List.of(Proxy.NO_PROXY);
    }
    return List.of(proxy);
  }

  @Override
  public void connectFailed(URI uri, SocketAddress address, IOException e) {
    // Nothing to remember: the client reports the failure and its retry policy decides.
  }

  private boolean bypassed(String host) {
    if (LightPaneClient.isLoopback(host)) {
      return true;
    }
    for (String entry : noProxy) {
      if (entry.equals("*")) {
        return true;
      }
      String suffix = entry.startsWith(".") ? entry : "." + entry;
      if (host.equals(entry) || host.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }

  private static Proxy proxy(String value) {
    if (value == null) {
      return null;
    }
    URI uri = uri(value);
    if (uri == null || uri.getHost() == null) {
      return null;
    }
    int port = uri.getPort() > 0 ? uri.getPort() : 80;
    return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(uri.getHost(), port));
  }

  private static URI uri(String value) {
    try {
      return URI.create(value.contains("://") ? value : "http://" + value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String first(Map<String, String> env, String upper, String lower) {
    String value = env.get(upper);
    if (value == null || value.isEmpty()) {
      value = env.get(lower);
    }
    return value == null || value.isEmpty() ? null : value;
  }
}
