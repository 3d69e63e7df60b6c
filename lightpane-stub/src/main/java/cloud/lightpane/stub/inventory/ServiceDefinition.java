package cloud.lightpane.stub.inventory;

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
 */
public record ServiceDefinition(
    String id, String provider, String label, List<ColumnDefinition> columns, boolean global) {

  /** The region name global services take, and the only one. */
  public static final String GLOBAL_REGION = "global";

  public ServiceDefinition {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(label, "label");
    columns = List.copyOf(columns);
  }

  /** The column keys in order. */
  public List<String> columnKeys() {
    return columns.stream().map(ColumnDefinition::key).toList();
  }

  /** The column with this key, or null. */
  public ColumnDefinition column(String key) {
    for (ColumnDefinition column : columns) {
      if (column.key().equals(key)) {
        return column;
      }
    }
    return null;
  }
}
