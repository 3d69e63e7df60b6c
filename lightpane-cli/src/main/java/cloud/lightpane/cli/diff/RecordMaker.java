package cloud.lightpane.cli.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns a snapshot row into the {@link DiffRecord} it is sorted and matched by: the identity values
 * when the row has every identity column of its service, else its whole content without the ignored
 * columns (so a change in an ignored column never shows as removed plus added).
 */
final class RecordMaker {
  private final Identity identity;
  private final Set<String> ignored;

  RecordMaker(Identity identity, Set<String> ignored) {
    this.identity = identity;
    this.ignored = ignored;
  }

  DiffRecord record(SnapshotRow row) {
    List<String> columns = identity.columns(row.service());
    String key = columns.isEmpty() ? null : identityKey(row, columns);
    boolean wholeRow = key == null;
    if (wholeRow) {
      key = content(row);
    }
    return new DiffRecord(row.service(), row.provider(), row.region(), wholeRow, key, row.json());
  }

  /** The identity values joined by NUL (which JSON text never holds raw); null if one is absent. */
  private static String identityKey(SnapshotRow row, List<String> columns) {
    if (columns.size() == 1) {
      return row.value(columns.get(0));
    }
    StringBuilder key = new StringBuilder();
    for (String column : columns) {
      String value = row.value(column);
      if (value == null) {
        return null;
      }
      if (key.length() > 0) {
        key.append('\0');
      }
      key.append(value);
    }
    return key.toString();
  }

  /** The compared columns and values, sorted by key, so that column order does not matter. */
  private String content(SnapshotRow row) {
    List<Integer> order = new ArrayList<>(row.keys().size());
    for (int i = 0; i < row.keys().size(); i++) {
      if (!ignored.contains(row.keys().get(i))) {
        order.add(i);
      }
    }
    order.sort((a, b) -> row.keys().get(a).compareTo(row.keys().get(b)));
    StringBuilder key = new StringBuilder();
    for (int i : order) {
      key.append(row.keys().get(i)).append('\0').append(row.values().get(i)).append('\0');
    }
    return key.toString();
  }

  /** The identity values of a record matched by identity, as JSON texts in column order. */
  static List<String> identityValues(DiffRecord record) {
    return List.of(record.key().split("\0", -1));
  }

  /**
   * The compared columns whose values differ between two rows of the same resource: the new row's
   * keys in its order, then keys only the old row has; empty when they are the same.
   */
  List<String> changedFields(SnapshotRow before, SnapshotRow after) {
    List<String> fields = new ArrayList<>();
    for (int i = 0; i < after.keys().size(); i++) {
      String key = after.keys().get(i);
      if (!ignored.contains(key) && !after.values().get(i).equals(before.value(key))) {
        fields.add(key);
      }
    }
    for (String key : before.keys()) {
      if (!ignored.contains(key) && after.value(key) == null) {
        fields.add(key);
      }
    }
    return fields;
  }

  Identity identity() {
    return identity;
  }
}
