package cloud.lightpane.stub.inventory;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An inventory whose rows all sit in memory: the demo estate and users' fixtures. */
class StoredInventory implements Inventory {

  private final Catalogue catalogue;
  private final Map<String, List<StoredRow>> rowsByServiceAndRegion;

  StoredInventory(Catalogue catalogue, Map<String, List<StoredRow>> rowsByServiceAndRegion) {
    this.catalogue = catalogue;
    Map<String, List<StoredRow>> copy = new HashMap<>();
    rowsByServiceAndRegion.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    this.rowsByServiceAndRegion = copy;
  }

  static String key(String service, String region) {
    return service + "\u0000" + region;
  }

  @Override
  public boolean repeatable() {
    return true;
  }

  @Override
  public Catalogue catalogue() {
    return catalogue;
  }

  @Override
  public RowSet rows(ServiceDefinition service, String region, Set<String> accountIds) {
    List<StoredRow> all = rowsByServiceAndRegion.getOrDefault(key(service.id(), region), List.of());
    List<InventoryRow> selected =
        all.stream()
            .filter(r -> accountIds == null || accountIds.contains(r.accountId()))
            .map(r -> (InventoryRow) r)
            .toList();
    return new RowSet() {
      @Override
      public long count() {
        return selected.size();
      }

      @Override
      public Iterator<InventoryRow> iterator() {
        return selected.iterator();
      }
    };
  }
}
