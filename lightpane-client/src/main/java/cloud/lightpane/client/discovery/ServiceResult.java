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

  /** A result with these parts; the lists and the map are copied. */
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

  /** The service, provider, region, row count and time of the data. */
  public ResultMetadata metadata() {
    return metadata;
  }

  /** The columns, in the order the server listed them. */
  public List<Column> columns() {
    return columns;
  }

  /** The rows, in the order the server sent them. */
  public List<Row> rows() {
    return rows;
  }

  /**
   * Every row converted to the caller's class or record; see {@link Row#as(Class)}.
   *
   * @throws cloud.lightpane.client.RowMappingException if a row does not fit the class
   */
  public <T> List<T> rowsAs(Class<T> type) {
    List<T> out = new ArrayList<>(rows.size());
    for (Row row : rows) {
      out.add(row.as(type));
    }
    return Collections.unmodifiableList(out);
  }

  /** Fields of the result object this client does not know, as parsed JSON values. */
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
