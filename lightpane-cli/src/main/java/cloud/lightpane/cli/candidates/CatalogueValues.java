package cloud.lightpane.cli.candidates;

import cloud.lightpane.cli.render.OutputFormat;
import cloud.lightpane.stub.inventory.Catalogue;
import cloud.lightpane.stub.inventory.ColumnDefinition;
import cloud.lightpane.stub.inventory.ServiceDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The values a user may type for discovery, read from the built-in catalogue: offline, and the same
 * lists for the shell's Tab and for the completion scripts made at build time.
 */
public final class CatalogueValues {
  private final Catalogue catalogue;

  public CatalogueValues(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** The values of the built-in catalogue. */
  public static CatalogueValues builtIn() {
    return new CatalogueValues(Catalogue.builtIn());
  }

  /** aws, gcp, azure. */
  public List<String> providers() {
    return catalogue.providers();
  }

  /** The service ids of {@code provider}, or of every provider when it is null or unknown. */
  public List<String> serviceIds(String provider) {
    List<String> ids = new ArrayList<>();
    for (ServiceDefinition service : catalogue.services()) {
      if (provider == null
          || !providers().contains(provider)
          || service.provider().equals(provider)) {
        ids.add(service.id());
      }
    }
    return ids;
  }

  /**
   * The regions that fit: those of {@code provider} when given, else of the providers of {@code
   * services}, else of every provider; {@code global} too when one of those services is global.
   */
  public List<String> regions(String provider, Collection<String> services) {
    Set<String> providers = new LinkedHashSet<>();
    boolean global = false;
    if (provider != null && providers().contains(provider)) {
      providers.add(provider);
    }
    for (String id : services) {
      ServiceDefinition service = catalogue.service(id).orElse(null);
      if (service != null) {
        global |= service.global();
        if (providers.isEmpty() || provider == null) {
          providers.add(service.provider());
        }
      }
    }
    if (providers.isEmpty()) {
      providers.addAll(providers());
    }
    Set<String> regions = new LinkedHashSet<>();
    for (String name : providers) {
      regions.addAll(catalogue.regions(name));
    }
    if (global) {
      regions.add("global");
    }
    return new ArrayList<>(regions);
  }

  /**
   * The column keys of {@code services} in catalogue order, or of every service when none is known.
   */
  public List<String> attributeKeys(Collection<String> services) {
    Set<String> keys = new LinkedHashSet<>();
    for (String id : services) {
      catalogue.service(id).ifPresent(service -> addColumns(service, keys));
    }
    if (keys.isEmpty()) {
      catalogue.services().forEach(service -> addColumns(service, keys));
    }
    return new ArrayList<>(keys);
  }

  /** table, csv, json, jsonl. */
  public static List<String> outputFormats() {
    List<String> formats = new ArrayList<>();
    for (OutputFormat format : OutputFormat.values()) {
      formats.add(format.toString());
    }
    return formats;
  }

  private static void addColumns(ServiceDefinition service, Set<String> keys) {
    for (ColumnDefinition column : service.columns()) {
      keys.add(column.key());
    }
  }
}
