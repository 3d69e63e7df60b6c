package cloud.lightpane.stub.inventory;

import java.util.Set;

/**
 * The built-in demo estate. Its rows are built on the first discovery, not when the server starts,
 * so a server that is never asked for rows (or asked later) starts without that cost.
 */
final class DemoInventory implements Inventory {

  static final Inventory INSTANCE = new DemoInventory();

  private DemoInventory() {}

  /** Holder idiom: the JVM builds the estate once, thread-safely, on first access. */
  private static final class Estate {
    static final Inventory ROWS =
        new StoredInventory(Catalogue.builtIn(), DemoEstate.build(Catalogue.builtIn()));
  }

  @Override
  public boolean repeatable() {
    return true;
  }

  @Override
  public Catalogue catalogue() {
    return Catalogue.builtIn();
  }

  @Override
  public RowSet rows(ServiceDefinition service, String region, Set<String> accountIds) {
    return Estate.ROWS.rows(service, region, accountIds);
  }
}
