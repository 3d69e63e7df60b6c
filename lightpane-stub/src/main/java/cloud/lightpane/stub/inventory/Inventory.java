package cloud.lightpane.stub.inventory;

import java.nio.file.Path;
import java.util.Set;

/**
 * What a reference server discovers: a {@link Catalogue} and the rows of each service in each
 * region, each row belonging to one linked account.
 *
 * <p>Four kinds ship: {@link #demo()} (a small company's estate), {@link #fromDirectory(Path)} (a
 * user's JSON fixtures), {@link #fromSnapshot(Path)} (a recorded {@code discover} output) and
 * {@link #synthetic(long)} (generated rows at any size, streamed). Implementations are thread-safe.
 */
public interface Inventory {

  /**
   * The built-in demo estate, deterministic from run to run.
   *
   * @return the demo inventory
   */
  static Inventory demo() {
    return DemoInventory.INSTANCE;
  }

  /**
   * A user's fixtures: {@code catalogue.json} (optional) and one {@code <service>.json} of rows per
   * service; format in {@code docs/reference-server.md}.
   *
   * @throws FixtureException naming the file, the place in it and what is wrong
   * @param directory the fixture directory
   * @return an inventory serving the directory's rows
   */
  static Inventory fromDirectory(Path directory) {
    return FixtureInventory.load(directory);
  }

  /**
   * A recorded snapshot served back: the output of {@code lightpane discover -o jsonl} or {@code -o
   * json}. Rows come back for the same service and region as recorded, values as recorded; a region
   * the snapshot does not have gives an empty result. Columns are the catalogue's (keys it lacks
   * are added after them), or, for a service it does not know, the recorded ones in first-seen
   * order. Every row belongs to the provider's first demo account. Format in {@code
   * docs/reference-server.md}.
   *
   * @param file a snapshot file
   * @return the recorded rows as an inventory
   * @throws FixtureException naming the file, the line and what is wrong
   */
  static Inventory fromSnapshot(Path file) {
    return SnapshotInventory.load(file);
  }

  /**
   * {@link #fromDirectory(Path)} for a directory, {@link #fromSnapshot(Path)} for a file: what
   * {@code --fixtures} takes.
   *
   * @param path a fixture directory or a snapshot file
   * @return the inventory it holds
   * @throws FixtureException naming the file, the place in it and what is wrong
   */
  static Inventory fromFixtures(Path path) {
    return java.nio.file.Files.isDirectory(path) ? fromDirectory(path) : fromSnapshot(path);
  }

  /**
   * Generated rows: {@code rowsPerService} rows for every service in every region (global services:
   * in {@code global}), spread over the demo user's accounts, the same on every run. Rows are made
   * while the response is written, so neither memory nor start-up time grows with the size.
   *
   * @param rowsPerService how many rows each service has in each region (0 or more)
   * @return a synthetic inventory over the built-in catalogue
   */
  static Inventory synthetic(long rowsPerService) {
    return new SyntheticInventory(Catalogue.builtIn(), rowsPerService);
  }

  /**
   * The services and regions this inventory knows.
   *
   * @return the catalogue
   */
  Catalogue catalogue();

  /**
   * The rows of a service in a region.
   *
   * @param accountIds the accounts whose rows to return, or null for every account
   * @param service a service of this inventory's catalogue
   * @param region a region the service accepts
   * @return the rows, in a stable order
   */
  RowSet rows(ServiceDefinition service, String region, Set<String> accountIds);

  /**
   * Whether {@link #rows} gives the same rows, in the same order, every time it is asked with the
   * same arguments, for as long as the server runs. A server may then encode a result once and send
   * the same bytes again. The three kinds that ship are repeatable; an inventory of your own is not
   * unless it says so (false by default).
   *
   * @return whether the same arguments always give the same rows
   */
  default boolean repeatable() {
    return false;
  }
}
