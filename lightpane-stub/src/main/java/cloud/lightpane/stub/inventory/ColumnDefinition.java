package cloud.lightpane.stub.inventory;

import java.util.Objects;

/**
 * One column of a service: the key used in rows and in {@code attributes}, and the label a person
 * reads.
 *
 * @param key the column key, e.g. {@code instance_id}
 * @param label the column label, e.g. {@code Instance ID}
 */
public record ColumnDefinition(String key, String label) {
  /**
   * Checks the parts.
   *
   * @throws NullPointerException when the key or the label is null
   * @param key the column key
   * @param label the column label
   */
  public ColumnDefinition {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(label, "label");
  }
}
