package cloud.lightpane.stub.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A short soak in every build (about 12 s): 16 clients, mixed requests, some slow, some malformed.
 * {@code bench/soak.sh} runs the same for longer ({@code -Dsoak.seconds=N}) and writes the figures
 * to {@code -Dsoak.report=FILE}.
 */
class SoakTest {

  private static final int LIMIT = 40;

  @Test
  void sixteenClientsOfMixedRequestsGetExactlyTheirAnswers() throws Exception {
    int seconds = Integer.getInteger("soak.seconds", 12);
    Soak.Figures figures = Soak.run(16, Duration.ofSeconds(seconds), LIMIT);
    String report = report(figures, seconds);
    String file = System.getProperty("soak.report");
    if (file != null) {
      Files.writeString(Path.of(file), report);
    }
    assertTrue(figures.unexpected().isEmpty(), report);
    assertTrue(figures.requests() > 100, report);
    long keyed = figures.keyedAdmitted() + figures.keyedRefused();
    if (seconds < 60) {
      // One sliding minute: exactly the key's limit gets through, every other attempt is 429.
      assertTrue(keyed > LIMIT, "enough keyed requests to pass the limit: " + report);
      assertEquals(LIMIT, figures.keyedAdmitted(), report);
      assertEquals(keyed - LIMIT, figures.keyedRefused(), report);
    }
    // Workers are made on demand for the clients' connections; the count must not grow with time.
    assertTrue(
        figures.threadsAtEnd() <= figures.threadsAfterWarmUp() + 8,
        "server threads flat: " + report);
  }

  static String report(Soak.Figures f, int seconds) {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "| clients | length | requests | unexpected | keyed 200 / 429 | server threads (warm, end)"
                + " | RSS MiB (warm, end) |%n|---|---|---|---|---|---|---|%n"
                + "| 16 | %d s | %d | %d | %d / %d | %d, %d | %.0f, %.0f |%n%n",
            seconds,
            f.requests(),
            f.unexpected().size(),
            f.keyedAdmitted(),
            f.keyedRefused(),
            f.threadsAfterWarmUp(),
            f.threadsAtEnd(),
            f.rssKibAfterWarmUp() / 1024.0,
            f.rssKibAtEnd() / 1024.0));
    text.append("| request and answer | count |\n|---|---|\n");
    f.byKindAndStatus()
        .forEach((k, v) -> text.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    if (!f.unexpected().isEmpty()) {
      text.append("\nFirst unexpected: ").append(f.unexpected().get(0)).append('\n');
    }
    return text.toString();
  }
}
