package cloud.lightpane.stub.inventory;

import java.io.IOException;
import java.util.List;

/**
 * The rows of one result, known in number before they are produced (the response writes {@code
 * metadata.count} before the rows). Each iteration produces the rows again.
 */
public interface RowSet extends Iterable<InventoryRow> {

  /**
   * How many rows iterating will produce.
   *
   * @return the number of rows
   */
  long count();

  /**
   * Writes every row's values for these columns, in order, to the sink; a column a row does not
   * have is null. The same as iterating and asking each row, which is what this default does.
   *
   * @param columnKeys the columns to write, in order
   * @param sink where the values go
   * @throws IOException when the sink fails
   */
  default void writeTo(List<String> columnKeys, RowSink sink) throws IOException {
    for (InventoryRow row : this) {
      sink.startRow();
      for (String key : columnKeys) {
        sink.value(row.value(key));
      }
      sink.endRow();
    }
  }
}
