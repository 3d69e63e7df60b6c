package cloud.lightpane.stub.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One service of the catalogue: its id (as used in {@code ServiceRequest.service}), the provider it
 * belongs to, its label, its ordered columns and whether it is global (queried with the region
 * {@code global}) or regional.
 *
 * @param id the catalogue id, e.g. {@code ec2}
 * @param provider {@code aws}, {@code gcp} or {@code azure}
 * @param label the human label, e.g. {@code EC2 Instances}
 * @param columns the columns in the order a result lists them
 * @param global true when the service takes only the region {@code global}
 * @param idColumns the keys of the columns that identify a row within one account and region (what
 *     a diff of two results keys rows on), e.g. {@code instance_id} or an ARN; never empty, each a
 *     column of the service
 */
public record ServiceDefinition(
    String id,
    String provider,
    String label,
    List<ColumnDefinition> columns,
    boolean global,
    List<String> idColumns) {

  /** The region name global services take, and the only one. */
  public static final String GLOBAL_REGION = "global";

  /**
   * Checks and copies the parts.
   *
   * @throws IllegalArgumentException when there is no column, or {@code idColumns} is empty or
   *     names a key that is not a column
   * @param id the catalogue id, e.g. {@code ec2}
   * @param provider {@code aws}, {@code gcp} or {@code azure}
   * @param label the service's name for people
   * @param columns the columns, in display order
   * @param global whether the service takes only the {@code global} region
   * @param idColumns the keys that identify a row, in order
   */
  public ServiceDefinition {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(label, "label");
    columns = List.copyOf(columns);
    idColumns = List.copyOf(idColumns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("service " + id + " has no column");
    }
    if (idColumns.isEmpty()) {
      throw new IllegalArgumentException("service " + id + " has no identity column");
    }
    for (String key : idColumns) {
      if (!hasColumn(columns, key)) {
        throw new IllegalArgumentException(
            "identity column " + key + " of service " + id + " is not one of its columns");
      }
    }
  }

  /**
   * A service whose identity is its first column.
   *
   * @throws IllegalArgumentException when there is no column
   * @param id the catalogue id, e.g. {@code ec2}
   * @param provider {@code aws}, {@code gcp} or {@code azure}
   * @param label the service's name for people
   * @param columns the columns, in display order; the first identifies a row
   * @param global whether the service takes only the {@code global} region
   */
  public ServiceDefinition(
      String id, String provider, String label, List<ColumnDefinition> columns, boolean global) {
    this(
        id,
        provider,
        label,
        columns,
        global,
        columns.isEmpty() ? List.of() : List.of(columns.get(0).key()));
  }

  private static boolean hasColumn(List<ColumnDefinition> columns, String key) {
    for (ColumnDefinition column : columns) {
      if (column.key().equals(key)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The column keys in order.
   *
   * @return the column keys, unmodifiable
   */
  public List<String> columnKeys() {
    List<String> keys = new ArrayList<>(columns.size());
    for (ColumnDefinition column : columns) {
      keys.add(column.key());
    }
    return List.copyOf(keys);
  }

  /**
   * The column with this key, or null.
   *
   * @param key a column key, e.g. {@code instance_id}
   * @return the column, or null when the service has no such column
   */
  public ColumnDefinition column(String key) {
    for (ColumnDefinition column : columns) {
      if (column.key().equals(key)) {
        return column;
      }
    }
    return null;
  }
}
