package cloud.lightpane.stub.internal.http;

import cloud.lightpane.stub.internal.text.LogText;
import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One line per request: time, caller address, method, path (never the query), status, duration and
 * who called ({@code session}, {@code anonymous}, a key's masked {@code token_prefix}, or {@code
 * bearer:invalid}). Never a raw token or a cookie; every field through {@link LogText}.
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
            + LogText.of(address)
            + " "
            + LogText.of(method, 40)
            + " "
            + LogText.of(path, 200)
            + " "
            + status
            + " "
            + (micros / 1000)
            + "ms "
            + LogText.of(who);
    out.println(line);
  }
}
