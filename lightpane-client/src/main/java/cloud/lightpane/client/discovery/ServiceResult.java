package cloud.lightpane.client.discovery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer for one entry of a discovery request: its metadata, its columns and its rows, with any
 * fields this client does not know kept in {@link #additionalProperties()}.
 *
 * <p>A {@code ServiceResult} holds all its rows in memory; for very large results use {@code
 * LightPaneClient.discoverStreaming}, which hands rows over one at a time.
 */
public final class ServiceResult {
  private final ResultMetadata metadata;
  private final List<Column> columns;
  private final List<Row> rows;
  private final Map<String, Object> additionalProperties;

  /**
   * A result with these parts; the lists and the map are copied.
   *
   * @param metadata what the result is about
   * @param columns the columns, in order
   * @param rows the rows, in order
   * @param additionalProperties fields this client does not know, or null for none
   * @throws NullPointerException if the metadata, a list or an element of one is null
   */
  public ServiceResult(
      ResultMetadata metadata,
      List<Column> columns,
      List<Row> rows,
      Map<String, Object> additionalProperties) {
    this.metadata = java.util.Objects.requireNonNull(metadata, "metadata");
    this.columns = List.copyOf(columns);
    this.rows = List.copyOf(rows);
    this.additionalProperties =
        additionalProperties == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(additionalProperties));
  }

  /** {@return the service, provider, region, row count and time of the data} */
  public ResultMetadata metadata() {
    return metadata;
  }

  /** {@return the columns, in the order the server listed them}; unmodifiable. */
  public List<Column> columns() {
    return columns;
  }

  /** {@return the rows, in the order the server sent them}; unmodifiable. */
  public List<Row> rows() {
    return rows;
  }

  /**
   * Every row converted to the caller's class or record; see {@link Row#as(Class)}.
   *
   * @param <T> the class to build
   * @param type a class or record with a property per key of interest
   * @return one instance per row, in row order; unmodifiable
   * @throws cloud.lightpane.client.RowMappingException if a row does not fit the class
   */
  public <T> List<T> rowsAs(Class<T> type) {
    List<T> out = new ArrayList<>(rows.size());
    for (Row row : rows) {
      out.add(row.as(type));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * {@return the fields of the result object this client does not know}, as parsed JSON values;
   * unmodifiable.
   */
  public Map<String, Object> additionalProperties() {
    return additionalProperties;
  }

  @Override
  public String toString() {
    return "ServiceResult["
        + metadata
        + ", "
        + columns.size()
        + " columns, "
        + rows.size()
        + " rows]";
  }
}
