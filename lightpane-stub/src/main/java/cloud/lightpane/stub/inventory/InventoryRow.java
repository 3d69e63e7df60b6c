package cloud.lightpane.stub.inventory;

/**
 * One row: the account it belongs to (used for key bindings and {@code account}, never sent unless
 * the service has such a column) and its values by column key.
 */
public interface InventoryRow {

  /**
   * The id of the linked account the resource lives in.
   *
   * @return the account id
   */
  String accountId();

  /**
   * The value of a column: a String, a Number, a Boolean or null (also null for a column the row
   * does not have).
   *
   * @param columnKey a column key, e.g. {@code instance_id}
   * @return the value, or null
   */
  Object value(String columnKey);
}
