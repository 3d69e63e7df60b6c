package cloud.lightpane.client.internal.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.lightpane.client.BadRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Batch halving seen from the caller: the size kept after a refusal, the batches sent again, and
 * the one log line that says so, at the level tracing asks for.
 */
class BatchesTest {
  private static BadRequestException refusal() {
    return new BadRequestException(
        "Batch size exceeds limit for this token (HTTP 400).",
        400,
        "Batch size exceeds limit for this token",
        Map.of(),
        null);
  }

  /** Refuses any batch over 60 entries, as a key with max_batch_size 60 would. */
  private static String send(int from, int to) {
    if (to - from > 60) {
      throw refusal();
    }
    return from + "-" + to;
  }

  @Test
  void aRefusedBatchIsHalvedAndTheSmallerSizeIsKept() {
    Batches batches = new Batches(false, 1, Runnable::run);
    assertEquals(100, batches.limit());
    assertEquals(List.of("0-50", "50-100", "100-150"), batches.run(150, BatchesTest::send));
    assertEquals(50, batches.limit());
    // The next call of the same client starts at the smaller size: no refusal, no halving.
    assertEquals(List.of("0-50", "50-60"), batches.run(60, BatchesTest::send));
  }

  @Test
  void aBatchInFlightWhenAnEarlierOneIsRefusedIsCancelledAndCutAgain() {
    Batches batches = new Batches(false, 2, Runnable::run);
    List<CompletableFuture<String>> pending = new ArrayList<>();
    CompletableFuture<List<String>> result =
        batches.runAsync(
            200,
            (from, to) -> {
              if (from == 0 && to == 100) {
                return CompletableFuture.failedFuture(refusal());
              }
              if (to - from == 100) {
                CompletableFuture<String> never = new CompletableFuture<>();
                pending.add(never);
                return never;
              }
              return CompletableFuture.completedFuture(from + "-" + to);
            });
    assertEquals(List.of("0-50", "50-100", "100-150", "150-200"), result.join());
    assertEquals(1, pending.size());
    assertEquals(true, pending.get(0).isCancelled());
  }

  @Test
  void aHalvingIsLoggedAtInfoWhenTracedAndAtDebugOtherwise() {
    assertEquals(
        List.of("INFO a batch of 100 was refused by the key's limit; sending 50 at a time"),
        logOf(true));
    assertEquals(
        List.of("FINE a batch of 100 was refused by the key's limit; sending 50 at a time"),
        logOf(false));
  }

  private static List<String> logOf(boolean traced) {
    Logger logger = Logger.getLogger("cloud.lightpane.client");
    List<String> lines = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            lines.add(record.getLevel() + " " + record.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Level previous = logger.getLevel();
    logger.setLevel(Level.ALL);
    capture.setLevel(Level.ALL);
    logger.addHandler(capture);
    try {
      new Batches(traced, 1, Runnable::run).run(100, BatchesTest::send);
    } finally {
      logger.removeHandler(capture);
      logger.setLevel(previous);
    }
    return lines;
  }
}
