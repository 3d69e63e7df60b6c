package cloud.lightpane.stub.internal.http;

import com.sun.net.httpserver.Headers;

/**
 * The {@code Access-Control-*} headers of one {@code /discovery} response. A request starts with
 * {@link #ANY} (pre-authentication responses and every 401 say {@code *}); authentication then
 * narrows it: sessions get none (same-origin only), a key with {@code allowed_origins} gets the
 * request's origin echoed when it matches and nothing otherwise.
 */
enum Cors {
  /** No CORS headers ({@code /keys}, sessions, requests without Origin, denied origins). */
  NONE,
  /** {@code Access-Control-Allow-Origin: *}. */
  ANY,
  /** The request's Origin as sent, with {@code Vary: Origin}. */
  ECHO;

  static final String EXPOSE = "RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After";

  void apply(Headers headers, String origin) {
    switch (this) {
      case ANY -> {
        headers.set("Access-Control-Allow-Origin", "*");
        headers.set("Access-Control-Expose-Headers", EXPOSE);
      }
      case ECHO -> {
        headers.set("Access-Control-Allow-Origin", origin);
        headers.set("Access-Control-Expose-Headers", EXPOSE);
        headers.set("Vary", "Origin");
      }
      default -> {}
    }
  }

  /** The answer to a preflight ({@code OPTIONS /discovery}), which carries no credentials. */
  static void preflight(Headers headers, String origin) {
    headers.set("Access-Control-Allow-Origin", origin == null ? "*" : origin);
    headers.set("Access-Control-Allow-Methods", "POST, OPTIONS");
    headers.set("Access-Control-Allow-Headers", "Authorization, Content-Type");
    headers.set("Access-Control-Max-Age", "600");
    headers.set("Access-Control-Expose-Headers", EXPOSE);
    headers.set("Vary", "Origin");
  }
}
