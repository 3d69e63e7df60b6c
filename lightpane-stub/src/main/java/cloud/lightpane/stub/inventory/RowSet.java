package cloud.lightpane.stub.inventory;

/**
 * The rows of one result, known in number before they are produced (the response writes {@code
 * metadata.count} before the rows). Each iteration produces the rows again.
 */
public interface RowSet extends Iterable<InventoryRow> {

  /** How many rows iterating will produce. */
  long count();
}
