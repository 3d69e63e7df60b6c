package cloud.lightpane.cli.diff;

import java.io.IOException;
import java.util.List;

/**
 * The diff itself: a merge join of the two snapshots' sorted records. Records with the same match
 * key describe the same resource: they are changed when a compared column differs; a record on one
 * side only was removed (old) or added (new). Only the rows that differ are parsed again, and only
 * one record of each side is held at a time, so the join runs in flat memory.
 */
final class DiffEngine {
  private final RecordMaker maker;

  DiffEngine(RecordMaker maker) {
    this.maker = maker;
  }

  /** Writes every difference from {@code old} to {@code now} and returns how many of each. */
  Summary run(RecordStream old, RecordStream now, DiffWriter out) throws IOException {
    Summary summary = new Summary();
    DiffRecord before = old.peek();
    DiffRecord after = now.peek();
    while (before != null || after != null) {
      int order = before == null ? 1 : after == null ? -1 : before.compareMatch(after);
      Difference difference;
      if (order < 0) {
        difference = difference(Difference.Change.REMOVED, old.next(), null, List.of());
      } else if (order > 0) {
        difference = difference(Difference.Change.ADDED, null, now.next(), List.of());
      } else {
        DiffRecord was = old.next();
        DiffRecord is = now.next();
        difference = was.row().equals(is.row()) ? null : compare(was, is);
      }
      if (difference != null) {
        summary.count(difference.change());
        out.difference(difference);
      }
      before = old.peek();
      after = now.peek();
    }
    out.finish(summary);
    return summary;
  }

  private Difference compare(DiffRecord was, DiffRecord is) {
    SnapshotRow before = row(was);
    SnapshotRow after = row(is);
    List<String> fields = maker.changedFields(before, after);
    return fields.isEmpty()
        ? null
        : new Difference(
            Difference.Change.CHANGED,
            is.service(),
            is.provider(),
            is.region(),
            idColumns(is),
            idValues(is),
            before,
            after,
            List.copyOf(fields));
  }

  private Difference difference(
      Difference.Change change, DiffRecord was, DiffRecord is, List<String> fields) {
    DiffRecord record = is != null ? is : was;
    return new Difference(
        change,
        record.service(),
        record.provider(),
        record.region(),
        idColumns(record),
        idValues(record),
        was == null ? null : row(was),
        is == null ? null : row(is),
        fields);
  }

  private List<String> idColumns(DiffRecord record) {
    return record.wholeRow() ? List.of() : maker.identity().columns(record.service());
  }

  private static List<String> idValues(DiffRecord record) {
    return record.wholeRow() ? List.of() : RecordMaker.identityValues(record);
  }

  private static SnapshotRow row(DiffRecord record) {
    return JsonValues.parseRow(record.service(), record.provider(), record.region(), record.row());
  }
}
