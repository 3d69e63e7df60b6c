package cloud.lightpane.client.discovery;

import java.util.List;

/**
 * Receives a discovery response piece by piece, as it is parsed, from {@code
 * LightPaneClient.discoverStreaming}. Memory stays flat however many rows there are: each row is
 * handed over and then forgotten by the client.
 *
 * <p>For each result, in the order of the request: {@link #onResultStart} once, then {@link #onRow}
 * for every row, then {@link #onResultEnd}. The contract puts {@code metadata} and {@code columns}
 * before {@code rows}; if a server sends {@code rows} first, the client keeps that result's rows in
 * memory until it has seen both, so that the order of callbacks stays the same.
 *
 * <p>All callbacks run on the calling thread. An exception thrown by a callback stops the parse,
 * closes the connection and reaches the caller unchanged.
 *
 * <pre>{@code
 * client.discoverStreaming(request, row -> System.out.println(row.getString("name")));
 * }</pre>
 */
@FunctionalInterface
public interface DiscoveryHandler {

  /**
   * A result begins. Does nothing unless overridden.
   *
   * @param metadata the result's metadata ({@link ResultMetadata#count()} as the server stated it)
   * @param columns the result's columns, in order
   */
  default void onResultStart(ResultMetadata metadata, List<Column> columns) {}

  /**
   * One row of the current result.
   *
   * @param row the row, immutable, which the handler may keep
   */
  void onRow(Row row);

  /**
   * The current result has ended; all its rows have been handed over. Does nothing unless
   * overridden.
   *
   * @param metadata the same metadata {@link #onResultStart} received
   */
  default void onResultEnd(ResultMetadata metadata) {}
}
