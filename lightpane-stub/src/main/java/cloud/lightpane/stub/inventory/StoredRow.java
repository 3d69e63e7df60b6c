package cloud.lightpane.stub.inventory;

import java.util.Map;

/** A row held in memory (demo estate and fixtures). */
record StoredRow(String accountId, Map<String, Object> values) implements InventoryRow {
  @Override
  public Object value(String columnKey) {
    return values.get(columnKey);
  }
}
