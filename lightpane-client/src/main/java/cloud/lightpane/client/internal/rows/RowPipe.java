package cloud.lightpane.client.internal.rows;

import cloud.lightpane.client.discovery.Row;
import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Turns the client's push parse (rows handed to a handler) into a {@link Stream} the caller pulls:
 * the parse runs on the client's executor and hands rows over through a small bounded queue, so
 * memory stays flat. Closing the stream closes the connection in use (the parse then fails and
 * ends) and drops what is queued. The parse starts on the first pull, so an unused stream costs
 * nothing.
 */
public final class RowPipe implements Iterator<Row> {
  /** What the parse runs: hands every row to {@code sink}, reports each body it opens. */
  @FunctionalInterface
  public interface Producer {
    /**
     * Parses, handing rows to {@code sink}; {@code opened} receives each connection's body as it
     * opens, so that closing the stream can close it.
     */
    void run(Consumer<Row> sink, Consumer<Closeable> opened);
  }

  private static final Object END = new Object();
  private static final int CAPACITY = 256;

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final AtomicReference<Closeable> body = new AtomicReference<>();
  private final Producer producer;
  private final Executor executor;
  private volatile boolean closed;
  private volatile RuntimeException failure;
  private boolean started;
  private Object next;

  private RowPipe(Producer producer, Executor executor) {
    this.producer = producer;
    this.executor = executor;
  }

  /** The stream of rows {@code producer} hands over, parsed on {@code executor}. */
  public static Stream<Row> stream(Producer producer, Executor executor) {
    RowPipe pipe = new RowPipe(producer, executor);
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(pipe, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(pipe::close);
  }

  private void start() {
    started = true;
    executor.execute(
        () -> {
          try {
            producer.run(this::put, this::opened);
          } catch (RuntimeException e) {
            if (!closed) {
              failure = e;
            }
          } finally {
            put(END);
          }
        });
  }

  private void opened(Closeable stream) {
    body.set(stream);
    if (closed) {
      closeQuietly(stream);
    }
  }

  /** Waits for room, giving up once the stream is closed (the consumer is gone). */
  private void put(Object item) {
    try {
      while (!closed) {
        if (queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (item != END) {
      throw new IllegalStateException("the row stream was closed"); // stops the parse
    }
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      if (closed) {
        throw new IllegalStateException("This row stream is closed.");
      }
      if (!started) {
        start();
      }
      try {
        next = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new IllegalStateException(
            "Interrupted while waiting for rows; the stream is closed.");
      }
    }
    if (next == END) {
      if (failure != null) {
        throw failure;
      }
      return false;
    }
    return true;
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Row row = (Row) next;
    next = null;
    return row;
  }

  /** Closes the connection in use and drops the queued rows; the parse ends. */
  void close() {
    if (closed) {
      return;
    }
    closed = true;
    Closeable open = body.get();
    if (open != null) {
      closeQuietly(open);
    }
    queue.clear();
  }

  private static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // Closing is how the parse is stopped; its failure changes nothing.
    }
  }
}
