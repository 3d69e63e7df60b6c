package cloud.lightpane.client;

/**
 * Which of the JDK's HTTP stacks carries the client's requests. Both behave the same towards the
 * caller (same errors, retries, timeouts and logging); they differ in start-up cost.
 */
public enum Transport {
  /**
   * {@code java.net.http.HttpClient}: HTTP/2 over TLS, pooled connections and truly non-blocking
   * async calls. The default, and the right choice for a long-running application.
   */
  JAVA_NET_HTTP,

  /**
   * {@code java.net.HttpURLConnection}: HTTP/1.1, nothing started until the first request and no
   * selector thread holding up JVM exit. For short-lived processes such as a command-line tool;
   * async calls run on the client's executor.
   */
  URL_CONNECTION
}
