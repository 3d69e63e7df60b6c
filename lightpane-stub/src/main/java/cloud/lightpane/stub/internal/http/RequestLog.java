package cloud.lightpane.stub.internal.http;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One line per request: time, caller address, method, path (never the query), status, duration and
 * who called ({@code session}, {@code anonymous}, a key's masked {@code token_prefix}, or {@code
 * bearer:invalid}). Never a raw token or a cookie.
 */
public final class RequestLog {

  private final PrintStream out;

  /** A log writing to this stream (null: no log). */
  public RequestLog(PrintStream out) {
    this.out = out;
  }

  void log(
      Instant when,
      String address,
      String method,
      String path,
      int status,
      long micros,
      String who) {
    if (out == null) {
      return;
    }
    String line =
        when.truncatedTo(ChronoUnit.MILLIS)
            + " "
            + address
            + " "
            + method
            + " "
            + printable(path)
            + " "
            + status
            + " "
            + (micros / 1000)
            + "ms "
            + who;
    out.println(line);
  }

  /** Keeps control characters of a hostile path out of the terminal. */
  private static String printable(String path) {
    StringBuilder sb = new StringBuilder(path.length());
    for (int i = 0; i < path.length() && i < 200; i++) {
      char c = path.charAt(i);
      sb.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return sb.toString();
  }
}
