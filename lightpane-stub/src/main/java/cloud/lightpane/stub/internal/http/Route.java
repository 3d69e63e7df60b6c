package cloud.lightpane.stub.internal.http;

/** The three resources of the API, found from the raw request path; anything else is 404. */
enum Route {
  DISCOVERY("POST, OPTIONS"),
  KEYS("GET, POST"),
  GRANT("DELETE");

  private final String allow;
  private final String[] methods;

  Route(String allow) {
    this.allow = allow;
    this.methods = allow.split(", ");
  }

  /** The value of the {@code Allow} header. */
  String allow() {
    return allow;
  }

  boolean allows(String method) {
    for (String allowed : methods) {
      if (allowed.equals(method)) {
        return true;
      }
    }
    return false;
  }

  /** The route of a path, or null: no trailing slash, no deeper path, no other path. */
  static Route of(String rawPath) {
    if (rawPath == null) {
      return null;
    }
    if (rawPath.equals("/discovery")) {
      return DISCOVERY;
    }
    if (rawPath.equals("/keys")) {
      return KEYS;
    }
    if (rawPath.startsWith("/keys/")) {
      String id = rawPath.substring("/keys/".length());
      return id.isEmpty() || id.contains("/") ? null : GRANT;
    }
    return null;
  }

  /** The grant id of a {@code /keys/{grant_id}} path. */
  static String grantId(String rawPath) {
    return rawPath.substring("/keys/".length());
  }
}
