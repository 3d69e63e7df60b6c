package cloud.lightpane.cli.discover;

import cloud.lightpane.client.BadRequestException;
import cloud.lightpane.client.discovery.ServiceQuery;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * Sends a run's entries in as few requests as the server allows. Everything goes as one batch of at
 * most {@link #CONTRACT_LIMIT} entries; when a key's {@code max_batch_size} refuses a batch ({@code
 * 400 Batch size exceeds limit for this token}), the batch is halved and sent again, and the
 * smaller size is kept for the rest of the run. Refusals arrive before any row, so nothing is ever
 * written twice.
 */
final class BatchSplitter {
  /** The contract's cap on the entries of one request, whoever the caller. */
  static final int CONTRACT_LIMIT = 100;

  static final String LIMIT_MESSAGE = "Batch size exceeds limit for this token";

  /** Sends one batch. */
  interface Sender {
    /**
     * @param batch the entries to send
     * @param whole true when this batch is the whole run (no split happened or will happen)
     */
    void send(List<ServiceQuery> batch, boolean whole) throws IOException;
  }

  private final PrintWriter log;
  private int limit = CONTRACT_LIMIT;

  /**
   * @param log where to say that a batch was split ({@code -v}), or null
   */
  BatchSplitter(PrintWriter log) {
    this.log = log;
  }

  void run(List<ServiceQuery> entries, Sender sender) throws IOException {
    int next = 0;
    while (next < entries.size()) {
      int size = Math.min(limit, entries.size() - next);
      List<ServiceQuery> batch = entries.subList(next, next + size);
      try {
        sender.send(batch, size == entries.size());
        next += size;
      } catch (BadRequestException e) {
        if (size == 1 || !LIMIT_MESSAGE.equals(e.errorMessage())) {
          throw e;
        }
        limit = size / 2;
        if (log != null) {
          log.println(
              "lightpane: a batch of "
                  + size
                  + " was refused by the key's limit; sending "
                  + limit
                  + " at a time");
        }
      }
    }
  }

  /** The batch size in use (after any halving). */
  int limit() {
    return limit;
  }
}
