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
  public ColumnDefinition {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(label, "label");
  }
}
