package cloud.lightpane.stub.inventory;

/** The built-in demo estate, built once on first use. */
final class DemoInventory {

  static final Inventory INSTANCE = new StoredInventory(Catalogue.builtIn(), DemoEstate.build());

  private DemoInventory() {}
}
