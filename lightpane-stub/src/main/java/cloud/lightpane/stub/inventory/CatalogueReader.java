package cloud.lightpane.stub.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a catalogue in the fixture format ({@code docs/reference-server.md}): the built-in one,
 * shipped as the resource {@code catalogue.json} beside this class, and a fixture directory's
 * {@code catalogue.json}, which adds to it. One reader for both, so the two can never disagree.
 */
final class CatalogueReader {
  static final String BUILT_IN_RESOURCE = "catalogue.json";

  private CatalogueReader() {}

  /** The built-in catalogue, read from the resource. */
  static Catalogue builtIn() {
    byte[] bytes;
    try (InputStream in = CatalogueReader.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the built-in " + BUILT_IN_RESOURCE + " is missing");
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the built-in " + BUILT_IN_RESOURCE, e);
    }
    String source = "built-in " + BUILT_IN_RESOURCE;
    return read(PlainJson.parse(bytes, source), new JsonPlace(source), null);
  }

  /**
   * The catalogue a document describes.
   *
   * @param base the catalogue it adds to (same ids replace, id_columns inherited when they are
   *     still columns), or null for a catalogue of its own
   */
  static Catalogue read(Object document, JsonPlace at, Catalogue base) {
    Map<String, Object> root = at.object(document, "services", "regions");
    Map<String, List<String>> regions = new LinkedHashMap<>();
    Object regionsValue = root.get("regions");
    if (regionsValue != null) {
      JsonPlace where = at.field("regions");
      if (!(regionsValue instanceof Map<?, ?> byProvider)) {
        throw where.error("must be an object of provider -> list of region names");
      }
      for (Map.Entry<?, ?> entry : byProvider.entrySet()) {
        String provider = (String) entry.getKey();
        regions.put(provider, where.field(provider).strings(entry.getValue()));
      }
    }
    List<ServiceDefinition> services = new ArrayList<>();
    Object servicesValue = root.get("services");
    if (servicesValue != null) {
      JsonPlace where = at.field("services");
      if (!(servicesValue instanceof List<?> list)) {
        throw where.error("must be a list of services");
      }
      for (int i = 0; i < list.size(); i++) {
        services.add(service(list.get(i), where.index(i), base, regions));
      }
    }
    try {
      return base == null ? new Catalogue(services, regions) : base.plus(services, regions);
    } catch (IllegalArgumentException e) {
      throw at.field("services").error(e.getMessage());
    }
  }

  private static ServiceDefinition service(
      Object value, JsonPlace at, Catalogue base, Map<String, List<String>> regions) {
    Map<String, Object> node =
        at.object(value, "id", "provider", "label", "global", "id_columns", "columns");
    String id = at.text(node, "id", true);
    if (!isServiceId(id)) {
      throw at.field("id").error("'" + id + "' is not a service id (lower case, digits, _)");
    }
    String provider = at.text(node, "provider", true);
    boolean knownProvider =
        regions.containsKey(provider) || (base != null && !base.regions(provider).isEmpty());
    if (!knownProvider) {
      throw at.field("provider")
          .error("unknown provider '" + provider + "'; add its regions under \"regions\"");
    }
    String label = at.text(node, "label", true);
    Object global = node.get("global");
    if (global != null && !(global instanceof Boolean)) {
      throw at.field("global").error("must be true or false");
    }
    List<ColumnDefinition> columns = columns(node.get("columns"), at.field("columns"));
    List<String> idColumns = idColumns(node.get("id_columns"), at.field("id_columns"), columns);
    if (idColumns == null) {
      idColumns = inherited(base, id, columns);
    }
    return new ServiceDefinition(
        id, provider, label, columns, Boolean.TRUE.equals(global), idColumns);
  }

  private static List<ColumnDefinition> columns(Object value, JsonPlace at) {
    if (!(value instanceof List<?> list) || list.isEmpty()) {
      throw at.error("must be a non-empty list of {\"key\", \"label\"}");
    }
    List<ColumnDefinition> columns = new ArrayList<>(list.size());
    List<String> keys = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      JsonPlace columnAt = at.index(i);
      Map<String, Object> column = columnAt.object(list.get(i), "key", "label");
      String key = columnAt.text(column, "key", true);
      if (keys.contains(key)) {
        throw columnAt.field("key").error("duplicate column key '" + key + "'");
      }
      keys.add(key);
      columns.add(new ColumnDefinition(key, columnAt.text(column, "label", true)));
    }
    return columns;
  }

  /** The service's identity columns as given, or null when not given. */
  private static List<String> idColumns(
      Object value, JsonPlace at, List<ColumnDefinition> columns) {
    if (value == null) {
      return null;
    }
    List<String> keys = at.strings(value);
    if (keys.isEmpty()) {
      throw at.error("must name at least one column, or be left out");
    }
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      if (!hasColumn(columns, key)) {
        throw at.index(i).error("'" + key + "' is not one of the service's columns");
      }
      if (keys.indexOf(key) != i) {
        throw at.index(i).error("'" + key + "' is named twice");
      }
    }
    return keys;
  }

  /**
   * Identity columns for a service that names none: those of the service it replaces when they are
   * all still columns, else its first column.
   */
  private static List<String> inherited(Catalogue base, String id, List<ColumnDefinition> columns) {
    ServiceDefinition replaced = base == null ? null : base.service(id).orElse(null);
    if (replaced != null) {
      boolean all = true;
      for (String key : replaced.idColumns()) {
        all &= hasColumn(columns, key);
      }
      if (all) {
        return replaced.idColumns();
      }
    }
    return List.of(columns.get(0).key());
  }

  private static boolean hasColumn(List<ColumnDefinition> columns, String key) {
    for (ColumnDefinition column : columns) {
      if (column.key().equals(key)) {
        return true;
      }
    }
    return false;
  }

  /** Lower case letter, then lower case letters, digits and {@code _} (no regex: start-up). */
  private static boolean isServiceId(String id) {
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean letter = c >= 'a' && c <= 'z';
      if (!(letter || (i > 0 && ((c >= '0' && c <= '9') || c == '_')))) {
        return false;
      }
    }
    return !id.isEmpty();
  }
}
