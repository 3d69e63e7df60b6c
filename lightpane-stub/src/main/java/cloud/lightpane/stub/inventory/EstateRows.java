package cloud.lightpane.stub.inventory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo estate's rows as they are added, each checked against the catalogue: a service that is
 * not in it, a region it does not take, or a value under a key that is not one of its columns is a
 * mistake in the estate and fails at once, naming the service and the key.
 */
final class EstateRows {
  private final Catalogue catalogue;
  private final Map<String, List<StoredRow>> rows = new HashMap<>();

  EstateRows(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  void add(String serviceId, String account, String region, Map<String, Object> values) {
    ServiceDefinition service =
        catalogue
            .service(serviceId)
            .orElseThrow(() -> new IllegalStateException("demo estate: no service " + serviceId));
    if (!catalogue.acceptsRegion(service, region)) {
      throw new IllegalStateException(
          "demo estate: " + serviceId + " does not take the region " + region);
    }
    for (String key : values.keySet()) {
      if (service.column(key) == null) {
        throw new IllegalStateException(
            "demo estate: "
                + serviceId
                + " has no column "
                + key
                + "; known: "
                + service.columnKeys());
      }
    }
    rows.computeIfAbsent(StoredInventory.key(serviceId, region), k -> new ArrayList<>())
        .add(new StoredRow(account, values));
  }

  List<Map<String, Object>> of(String serviceId, String account, String region) {
    List<Map<String, Object>> result = new ArrayList<>();
    for (StoredRow row : rows.getOrDefault(StoredInventory.key(serviceId, region), List.of())) {
      if (row.accountId().equals(account)) {
        result.add(row.values());
      }
    }
    return result;
  }

  Map<String, List<StoredRow>> all() {
    return rows;
  }
}
