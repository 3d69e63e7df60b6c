package cloud.lightpane.stub.inventory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The services a server knows and the regions of each provider.
 *
 * <p>{@link #builtIn()} is read once from the resource {@code catalogue.json} in the fixture format
 * (with Jackson's streaming parser only, so it stays cheap on the CLI's start-up path, where it
 * gives defaults and shell completion). Instances are immutable and thread-safe.
 */
public final class Catalogue {

  private final List<ServiceDefinition> services;
  private final Map<String, ServiceDefinition> byId;
  private final Map<String, List<String>> regions;

  /**
   * A catalogue of these services and, per provider, these regions (in the order given).
   *
   * @throws IllegalArgumentException on a duplicate service id or a service whose provider has no
   *     regions
   * @param services the services, each with a unique id
   * @param regions the region names of each provider, by provider
   */
  public Catalogue(List<ServiceDefinition> services, Map<String, List<String>> regions) {
    Map<String, List<String>> regionCopy = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> entry : regions.entrySet()) {
      regionCopy.put(entry.getKey(), List.copyOf(entry.getValue()));
    }
    Map<String, ServiceDefinition> index = new LinkedHashMap<>();
    for (ServiceDefinition service : services) {
      if (index.put(service.id(), service) != null) {
        throw new IllegalArgumentException("duplicate service id: " + service.id());
      }
      if (!regionCopy.containsKey(service.provider())) {
        throw new IllegalArgumentException(
            "service " + service.id() + " has provider " + service.provider() + " with no regions");
      }
    }
    this.services = List.copyOf(services);
    this.byId = Collections.unmodifiableMap(index);
    this.regions = Collections.unmodifiableMap(regionCopy);
  }

  /**
   * The catalogue the reference server ships: 24 AWS, 9 GCP and 9 Azure services.
   *
   * @return the built-in catalogue (one shared instance)
   */
  public static Catalogue builtIn() {
    return BuiltIn.INSTANCE;
  }

  /** Holder idiom: read on first use, once, thread-safely. */
  private static final class BuiltIn {
    static final Catalogue INSTANCE = CatalogueReader.builtIn();
  }

  /**
   * Every service, grouped by provider (aws, gcp, azure), in a stable order.
   *
   * @return every service, unmodifiable
   */
  public List<ServiceDefinition> services() {
    return services;
  }

  /**
   * The services of one provider, in catalogue order.
   *
   * @param provider {@code aws}, {@code gcp} or {@code azure}
   * @return the provider's services; empty for an unknown provider
   */
  public List<ServiceDefinition> services(String provider) {
    List<ServiceDefinition> result = new ArrayList<>();
    for (ServiceDefinition service : services) {
      if (service.provider().equals(provider)) {
        result.add(service);
      }
    }
    return List.copyOf(result);
  }

  /**
   * The service with this catalogue id.
   *
   * @param id a catalogue id, e.g. {@code ec2}
   * @return the service, or empty when no service has this id
   */
  public Optional<ServiceDefinition> service(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * The real region names of a provider (never {@code global}, which only global services take);
   * empty for an unknown provider.
   *
   * @param provider {@code aws}, {@code gcp} or {@code azure}
   * @return the region names, unmodifiable
   */
  public List<String> regions(String provider) {
    return regions.getOrDefault(provider, List.of());
  }

  /**
   * The providers, in catalogue order: {@code aws}, {@code gcp}, {@code azure} for the built-in.
   *
   * @return the provider names, unmodifiable
   */
  public List<String> providers() {
    return List.copyOf(regions.keySet());
  }

  /**
   * Whether a discovery entry for this service may name this region: global services take only
   * {@code global}, regional services any region of their provider but never {@code global}.
   *
   * @param service a service of this catalogue
   * @param region the region a discovery entry names
   * @return true when the entry is valid for this service
   */
  public boolean acceptsRegion(ServiceDefinition service, String region) {
    Objects.requireNonNull(service, "service");
    if (service.global()) {
      return ServiceDefinition.GLOBAL_REGION.equals(region);
    }
    return regions(service.provider()).contains(region);
  }

  /** This catalogue with more services and regions added (same ids replace). */
  Catalogue plus(List<ServiceDefinition> more, Map<String, List<String>> moreRegions) {
    Map<String, ServiceDefinition> merged = new LinkedHashMap<>(byId);
    for (ServiceDefinition service : more) {
      merged.put(service.id(), service);
    }
    Map<String, List<String>> mergedRegions = new LinkedHashMap<>(regions);
    moreRegions.forEach(
        (provider, list) -> {
          List<String> all = new ArrayList<>(mergedRegions.getOrDefault(provider, List.of()));
          for (String region : list) {
            if (!all.contains(region)) {
              all.add(region);
            }
          }
          mergedRegions.put(provider, all);
        });
    return new Catalogue(new ArrayList<>(merged.values()), mergedRegions);
  }
}
