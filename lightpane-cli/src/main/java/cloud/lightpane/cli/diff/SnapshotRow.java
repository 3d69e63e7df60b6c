package cloud.lightpane.cli.diff;

import java.util.List;

/**
 * One row of a snapshot and where it came from: its keys in the order of the snapshot, and each
 * value as compact JSON text ({@code "web-1"}, {@code 3}, {@code null}), so that values compare
 * exactly as written and keep their JSON type.
 *
 * @param service catalogue id, e.g. {@code ec2}
 * @param provider e.g. {@code aws}
 * @param region e.g. {@code eu-west-2}
 * @param keys the row's column keys
 * @param values the JSON text of each value, in the order of {@code keys}
 */
record SnapshotRow(
    String service, String provider, String region, List<String> keys, List<String> values) {

  /** The JSON text of the value under {@code key}, or null when the row has no such key. */
  String value(String key) {
    int at = keys.indexOf(key);
    return at < 0 ? null : values.get(at);
  }

  /** The row as one compact JSON object, keys in their order. */
  String json() {
    StringBuilder text = new StringBuilder(32 * keys.size() + 2);
    text.append('{');
    for (int i = 0; i < keys.size(); i++) {
      if (i > 0) {
        text.append(',');
      }
      JsonValues.quote(text, keys.get(i));
      text.append(':').append(values.get(i));
    }
    return text.append('}').toString();
  }
}
