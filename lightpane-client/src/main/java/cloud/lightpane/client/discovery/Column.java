package cloud.lightpane.client.discovery;

import java.util.Objects;

/**
 * One column of a result: the key used in rows (such as {@code instance_id}) and the label for
 * people (such as {@code Instance ID}).
 *
 * @param key the key of this column in every row
 * @param label the human-readable name; falls back to the key when the server sends none
 */
public record Column(String key, String label) {
  /**
   * Checks the key and fills a missing label with the key.
   *
   * @param key the key of this column in every row
   * @param label the human-readable name, or null to use the key
   * @throws NullPointerException if the key is null
   */
  public Column {
    Objects.requireNonNull(key, "key");
    if (label == null) {
      label = key;
    }
  }
}
