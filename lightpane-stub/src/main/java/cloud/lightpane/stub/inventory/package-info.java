/**
 * What the server discovers: the {@link cloud.lightpane.stub.inventory.Catalogue} of services and
 * regions, and an {@link cloud.lightpane.stub.inventory.Inventory} of rows (demo, fixtures or
 * synthetic).
 */
package cloud.lightpane.stub.inventory;
