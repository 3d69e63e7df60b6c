package cloud.lightpane.cli.diff;

import java.util.List;

/**
 * One difference between two snapshots.
 *
 * @param change what happened to the resource
 * @param service catalogue id
 * @param provider provider
 * @param region region
 * @param idColumns the identity columns the rows were matched by; empty when matched by the whole
 *     row
 * @param idValues the identity values' JSON texts, in the order of {@code idColumns}
 * @param before the old row; null when added
 * @param after the new row; null when removed
 * @param fields the changed column keys of a {@code CHANGED} difference; empty otherwise
 */
record Difference(
    Change change,
    String service,
    String provider,
    String region,
    List<String> idColumns,
    List<String> idValues,
    SnapshotRow before,
    SnapshotRow after,
    List<String> fields) {

  /** What happened to a resource between the old and the new snapshot. */
  enum Change {
    ADDED,
    REMOVED,
    CHANGED;

    /** {@code added}, {@code removed}, {@code changed}: the word in every output format. */
    String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The row that is there: the new one, else the old one. */
  SnapshotRow row() {
    return after != null ? after : before;
  }

  /** True when {@code other} is about the same service, provider and region. */
  boolean sameGroup(Difference other) {
    return other != null
        && service.equals(other.service)
        && provider.equals(other.provider)
        && region.equals(other.region);
  }
}
