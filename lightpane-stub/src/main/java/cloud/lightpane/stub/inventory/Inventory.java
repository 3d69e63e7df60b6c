package cloud.lightpane.stub.inventory;

import java.nio.file.Path;
import java.util.Set;

/**
 * What a reference server discovers: a {@link Catalogue} and the rows of each service in each
 * region, each row belonging to one linked account.
 *
 * <p>Three kinds ship: {@link #demo()} (a small company's estate), {@link #fromDirectory(Path)} (a
 * user's JSON fixtures) and {@link #synthetic(long)} (generated rows at any size, streamed).
 * Implementations are thread-safe.
 */
public interface Inventory {

  /** The built-in demo estate, deterministic from run to run. */
  static Inventory demo() {
    return DemoInventory.INSTANCE;
  }

  /**
   * A user's fixtures: {@code catalogue.json} (optional) and one {@code <service>.json} of rows per
   * service; format in {@code docs/reference-server.md}.
   *
   * @throws FixtureException naming the file, the place in it and what is wrong
   */
  static Inventory fromDirectory(Path directory) {
    return FixtureInventory.load(directory);
  }

  /**
   * Generated rows: {@code rowsPerService} rows for every service in every region (global services:
   * in {@code global}), spread over the demo user's accounts, the same on every run. Rows are made
   * while the response is written, so neither memory nor start-up time grows with the size.
   */
  static Inventory synthetic(long rowsPerService) {
    return new SyntheticInventory(Catalogue.builtIn(), rowsPerService);
  }

  /** The services and regions this inventory knows. */
  Catalogue catalogue();

  /**
   * The rows of a service in a region.
   *
   * @param accountIds the accounts whose rows to return, or null for every account
   */
  RowSet rows(ServiceDefinition service, String region, Set<String> accountIds);

  /**
   * Whether {@link #rows} gives the same rows, in the same order, every time it is asked with the
   * same arguments, for as long as the server runs. A server may then encode a result once and send
   * the same bytes again. The three kinds that ship are repeatable; an inventory of your own is not
   * unless it says so (false by default).
   */
  default boolean repeatable() {
    return false;
  }
}
