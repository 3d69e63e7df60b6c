package cloud.lightpane.cli.diff;

import java.io.Closeable;
import java.io.IOException;

/** Records in sorted order, read one at a time. */
interface RecordStream extends Closeable {
  /** The next record without taking it, or null at the end. */
  DiffRecord peek() throws IOException;

  /** Takes the next record, or null at the end. */
  DiffRecord next() throws IOException;
}
