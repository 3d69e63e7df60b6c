package cloud.lightpane.stub.inventory;

import cloud.lightpane.stub.internal.accounts.DemoUser;
import cloud.lightpane.stub.internal.accounts.LinkedAccount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads a fixture directory: an optional {@code catalogue.json} that adds services and regions to
 * the built-in catalogue, and one {@code <service-id>.json} per service holding its rows. Every
 * problem is reported with the file, the place and what is wrong; nothing is half-loaded.
 */
final class FixtureInventory {

  static final String CATALOGUE_FILE = "catalogue.json";

  private FixtureInventory() {}

  static Inventory load(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new FixtureException(directory + ": not a directory of fixture files");
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(directory)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new FixtureException(directory + ": cannot list the directory: " + e.getMessage());
    }
    Catalogue catalogue = Catalogue.builtIn();
    Path catalogueFile = directory.resolve(CATALOGUE_FILE);
    if (Files.exists(catalogueFile)) {
      catalogue =
          CatalogueReader.read(
              parse(catalogueFile), new JsonPlace(catalogueFile.toString()), catalogue);
    }
    Map<String, List<StoredRow>> rows = new HashMap<>();
    for (Path file : files) {
      if (!file.getFileName().toString().equals(CATALOGUE_FILE)) {
        readRows(file, catalogue, rows);
      }
    }
    return new StoredInventory(catalogue, rows);
  }

  private static void readRows(Path file, Catalogue catalogue, Map<String, List<StoredRow>> rows) {
    String name = file.getFileName().toString();
    String serviceId = name.substring(0, name.length() - ".json".length());
    JsonPlace at = new JsonPlace(file.toString());
    ServiceDefinition service =
        catalogue
            .service(serviceId)
            .orElseThrow(
                () ->
                    new FixtureException(
                        file
                            + ": no service '"
                            + serviceId
                            + "' in the catalogue; name the file after a service id, or define"
                            + " the service in "
                            + CATALOGUE_FILE));
    Map<String, Object> root = at.object(parse(file), "rows");
    JsonPlace rowsAt = at.field("rows");
    if (!(root.get("rows") instanceof List<?> list)) {
      throw rowsAt.error("must be a list of {\"region\", \"account\", \"values\"}");
    }
    List<LinkedAccount> accounts = DemoUser.accounts(service.provider());
    for (int i = 0; i < list.size(); i++) {
      JsonPlace rowAt = rowsAt.index(i);
      Map<String, Object> row = rowAt.object(list.get(i), "region", "account", "values");
      String region = rowAt.text(row, "region", true);
      if (!catalogue.acceptsRegion(service, region)) {
        throw rowAt
            .field("region")
            .error(
                service.global()
                    ? "'" + region + "': " + serviceId + " is global, use \"global\""
                    : "'" + region + "' is not a region of " + service.provider());
      }
      String given = rowAt.text(row, "account", false);
      if (given == null && accounts.isEmpty()) {
        throw rowAt.field("account").error("required: the provider has no linked account");
      }
      String account = given == null ? accounts.get(0).accountId() : given;
      if (accounts.stream().noneMatch(a -> a.accountId().equals(account))) {
        throw rowAt
            .field("account")
            .error(
                "'"
                    + account
                    + "' is not a linked "
                    + service.provider()
                    + " account; use one of "
                    + accounts.stream().map(LinkedAccount::accountId).collect(Collectors.toList()));
      }
      JsonPlace valuesAt = rowAt.field("values");
      if (!(row.get("values") instanceof Map<?, ?> values)) {
        throw valuesAt.error("must be an object of column key -> value");
      }
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : values.entrySet()) {
        String key = (String) entry.getKey();
        JsonPlace valueAt = valuesAt.field(key);
        if (service.column(key) == null) {
          throw valueAt.error(
              "unknown column '" + key + "' of " + serviceId + "; known: " + service.columnKeys());
        }
        Object value = entry.getValue();
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
          throw valueAt.error(
              "must be a string, number, boolean or null, not " + JsonPlace.describe(value));
        }
        map.put(key, value);
      }
      rows.computeIfAbsent(StoredInventory.key(serviceId, region), k -> new ArrayList<>())
          .add(new StoredRow(account, map));
    }
  }

  private static Object parse(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new FixtureException(file + ": cannot read: " + e.getMessage());
    }
    return PlainJson.parse(bytes, file.toString());
  }
}
