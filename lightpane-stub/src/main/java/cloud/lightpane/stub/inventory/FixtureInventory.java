package cloud.lightpane.stub.inventory;

import cloud.lightpane.stub.accounts.DemoUser;
import cloud.lightpane.stub.accounts.LinkedAccount;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads a fixture directory: an optional {@code catalogue.json} that adds services and regions to
 * the built-in catalogue, and one {@code <service-id>.json} per service holding its rows. Every
 * problem is reported with the file, the place and what is wrong; nothing is half-loaded.
 */
final class FixtureInventory {

  static final String CATALOGUE_FILE = "catalogue.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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
      catalogue = readCatalogue(catalogueFile, catalogue);
    }
    Map<String, List<StoredRow>> rows = new HashMap<>();
    for (Path file : files) {
      if (!file.getFileName().toString().equals(CATALOGUE_FILE)) {
        readRows(file, catalogue, rows);
      }
    }
    return new StoredInventory(catalogue, rows);
  }

  private static Catalogue readCatalogue(Path file, Catalogue builtIn) {
    JsonNode root = parse(file);
    Place at = new Place(file);
    expectObject(root, at, "services", "regions");
    Map<String, List<String>> regions = new LinkedHashMap<>();
    JsonNode regionsNode = root.get("regions");
    if (regionsNode != null && !regionsNode.isNull()) {
      Place where = at.field("regions");
      if (!regionsNode.isObject()) {
        throw where.error("must be an object of provider -> list of region names");
      }
      for (Map.Entry<String, JsonNode> entry : regionsNode.properties()) {
        regions.put(entry.getKey(), strings(entry.getValue(), where.field(entry.getKey())));
      }
    }
    List<ServiceDefinition> services = new ArrayList<>();
    JsonNode servicesNode = root.get("services");
    if (servicesNode != null && !servicesNode.isNull()) {
      Place where = at.field("services");
      if (!servicesNode.isArray()) {
        throw where.error("must be a list of services");
      }
      for (int i = 0; i < servicesNode.size(); i++) {
        services.add(service(servicesNode.get(i), where.index(i), builtIn, regions));
      }
    }
    try {
      return builtIn.plus(services, regions);
    } catch (IllegalArgumentException e) {
      throw at.field("services").error(e.getMessage());
    }
  }

  private static ServiceDefinition service(
      JsonNode node, Place at, Catalogue builtIn, Map<String, List<String>> regions) {
    expectObject(node, at, "id", "provider", "label", "global", "columns");
    String id = text(node, "id", at, true);
    if (!id.matches("[a-z][a-z0-9_]*")) {
      throw at.field("id").error("'" + id + "' is not a service id (lower case, digits, _)");
    }
    String provider = text(node, "provider", at, true);
    if (builtIn.regions(provider).isEmpty() && !regions.containsKey(provider)) {
      throw at.field("provider")
          .error("unknown provider '" + provider + "'; add its regions under \"regions\"");
    }
    String label = text(node, "label", at, true);
    JsonNode global = node.get("global");
    if (global != null && !global.isNull() && !global.isBoolean()) {
      throw at.field("global").error("must be true or false");
    }
    JsonNode columnsNode = node.get("columns");
    Place columnsAt = at.field("columns");
    if (columnsNode == null || !columnsNode.isArray() || columnsNode.isEmpty()) {
      throw columnsAt.error("must be a non-empty list of {\"key\", \"label\"}");
    }
    List<ColumnDefinition> columns = new ArrayList<>();
    for (int i = 0; i < columnsNode.size(); i++) {
      JsonNode column = columnsNode.get(i);
      Place columnAt = columnsAt.index(i);
      expectObject(column, columnAt, "key", "label");
      String key = text(column, "key", columnAt, true);
      if (columns.stream().anyMatch(c -> c.key().equals(key))) {
        throw columnAt.field("key").error("duplicate column key '" + key + "'");
      }
      columns.add(new ColumnDefinition(key, text(column, "label", columnAt, true)));
    }
    return new ServiceDefinition(
        id, provider, label, columns, global != null && global.asBoolean());
  }

  private static void readRows(Path file, Catalogue catalogue, Map<String, List<StoredRow>> rows) {
    String name = file.getFileName().toString();
    String serviceId = name.substring(0, name.length() - ".json".length());
    Place at = new Place(file);
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
    JsonNode root = parse(file);
    expectObject(root, at, "rows");
    JsonNode rowsNode = root.get("rows");
    Place rowsAt = at.field("rows");
    if (rowsNode == null || !rowsNode.isArray()) {
      throw rowsAt.error("must be a list of {\"region\", \"account\", \"values\"}");
    }
    List<LinkedAccount> accounts = DemoUser.accounts(service.provider());
    for (int i = 0; i < rowsNode.size(); i++) {
      JsonNode row = rowsNode.get(i);
      Place rowAt = rowsAt.index(i);
      expectObject(row, rowAt, "region", "account", "values");
      String region = text(row, "region", rowAt, true);
      if (!catalogue.acceptsRegion(service, region)) {
        throw rowAt
            .field("region")
            .error(
                service.global()
                    ? "'" + region + "': " + serviceId + " is global, use \"global\""
                    : "'" + region + "' is not a region of " + service.provider());
      }
      String given = text(row, "account", rowAt, false);
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
      JsonNode values = row.get("values");
      Place valuesAt = rowAt.field("values");
      if (values == null || !values.isObject()) {
        throw valuesAt.error("must be an object of column key -> value");
      }
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> entry : values.properties()) {
        Place valueAt = valuesAt.field(entry.getKey());
        if (service.column(entry.getKey()) == null) {
          throw valueAt.error(
              "unknown column '"
                  + entry.getKey()
                  + "' of "
                  + serviceId
                  + "; known: "
                  + service.columnKeys());
        }
        map.put(entry.getKey(), scalar(entry.getValue(), valueAt));
      }
      rows.computeIfAbsent(StoredInventory.key(serviceId, region), k -> new ArrayList<>())
          .add(new StoredRow(account, map));
    }
  }

  private static Object scalar(JsonNode value, Place at) {
    if (value.isNull()) {
      return null;
    }
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isIntegralNumber()) {
      return value.canConvertToLong() ? (Object) value.longValue() : value.bigIntegerValue();
    }
    if (value.isNumber()) {
      return value.decimalValue();
    }
    throw at.error("must be a string, number, boolean or null, not " + describe(value));
  }

  private static JsonNode parse(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      JsonNode node = JSON.readTree(bytes);
      if (node == null || node.isMissingNode()) {
        throw new Place(file).error("empty file; expected a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      String place =
          where == null
              ? ""
              : "line " + where.getLineNr() + ", column " + where.getColumnNr() + ": ";
      throw new FixtureException(file + ": " + place + "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new FixtureException(file + ": cannot read: " + e.getMessage());
    }
  }

  private static void expectObject(JsonNode node, Place at, String... fields) {
    if (!node.isObject()) {
      throw at.error("must be a JSON object, not " + describe(node));
    }
    Set<String> known = Set.of(fields);
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!known.contains(field)) {
        throw at.field(field).error("unknown field; expected one of " + List.of(fields));
      }
    }
  }

  private static String text(JsonNode node, String field, Place at, boolean required) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        throw at.field(field).error("required");
      }
      return null;
    }
    if (!value.isTextual() || value.textValue().isBlank()) {
      throw at.field(field).error("must be a non-empty string, not " + describe(value));
    }
    return value.textValue();
  }

  private static List<String> strings(JsonNode node, Place at) {
    if (!node.isArray()) {
      throw at.error("must be a list of strings");
    }
    List<String> result = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      if (!item.isTextual() || item.textValue().isBlank()) {
        throw at.index(i).error("must be a non-empty string, not " + describe(item));
      }
      result.add(item.textValue());
    }
    return result;
  }

  private static String describe(JsonNode node) {
    String text = node.toString();
    String type = node.getNodeType().name().toLowerCase();
    return type + " " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
  }

  /** A JSON path inside a file, for messages such as {@code ec2.json: $.rows[2].region: ...}. */
  private record Place(Path file, String path) {
    Place(Path file) {
      this(file, "$");
    }

    Place field(String name) {
      return new Place(
          file,
          path
              + (name.matches("[A-Za-z_][A-Za-z0-9_]*")
                  ? "." + name
                  : "['" + name.replace("'", "\\'") + "']"));
    }

    Place index(int i) {
      return new Place(file, path + "[" + i + "]");
    }

    FixtureException error(String problem) {
      return new FixtureException(file + ": " + path + ": " + problem);
    }
  }
}
