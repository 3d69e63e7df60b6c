package cloud.lightpane.cli.discover;

import cloud.lightpane.cli.render.CsvLayout;
import cloud.lightpane.client.discovery.ServiceQuery;
import cloud.lightpane.stub.inventory.Catalogue;
import cloud.lightpane.stub.inventory.ServiceDefinition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the command line into the entries of one batch, using the offline catalogue for defaults:
 *
 * <ul>
 *   <li>entries are the cross product of services and regions, service by service, in the order
 *       given (repeats dropped);
 *   <li>the provider is {@code --provider}, else the service's own in the catalogue, else {@code
 *       aws};
 *   <li>a global service (e.g. {@code iam_users}) is asked for region {@code global} only;
 *   <li>a region that the catalogue lists only for another provider is skipped for this service, so
 *       {@code discover ec2 gcp_compute_instances -r eu-west-2 -r europe-west2} asks each service
 *       in its own provider's region; any other region is sent as given and the server judges it;
 *   <li>the region {@value #ALL} stands for every region the catalogue lists for the service's
 *       provider.
 * </ul>
 */
final class QueryPlanner {
  /** The region that means every region of the provider ({@code -r all}). */
  static final String ALL = "all";

  private final Catalogue catalogue;

  QueryPlanner(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  /**
   * The entries of the run.
   *
   * @throws IllegalArgumentException when a regional service has no region, with what to do
   */
  List<ServiceQuery> plan(
      List<String> services,
      String provider,
      List<String> regions,
      List<String> attributes,
      String account) {
    List<ServiceQuery> entries = new ArrayList<>();
    for (String service : new LinkedHashSet<>(services)) {
      Optional<ServiceDefinition> known = catalogue.service(service);
      String serviceProvider =
          provider != null ? provider : known.map(ServiceDefinition::provider).orElse("aws");
      List<String> serviceRegions;
      if (known.isPresent() && known.get().global()) {
        serviceRegions = List.of(ServiceDefinition.GLOBAL_REGION);
      } else {
        serviceRegions = regionsFor(serviceProvider, regions);
        if (serviceRegions.isEmpty()) {
          throw new IllegalArgumentException(
              "No region for "
                  + service
                  + ": add --region (e.g. --region "
                  + example(serviceProvider)
                  + "), or set LIGHTPANE_REGION or the profile's region");
        }
      }
      for (String region : serviceRegions) {
        ServiceQuery.Builder entry =
            ServiceQuery.builder(service).provider(serviceProvider).region(region);
        if (!attributes.isEmpty()) {
          entry.attributes(attributes);
        }
        if (account != null) {
          entry.account(account);
        }
        entries.add(entry.build());
      }
    }
    return entries;
  }

  /**
   * The regions to ask a regional service of {@code provider} for: those of {@code regions} that
   * are not another provider's, with {@value #ALL} replaced by every region of the provider.
   *
   * @throws IllegalArgumentException for {@value #ALL} when the catalogue lists no region for the
   *     provider
   */
  List<String> regionsFor(String provider, List<String> regions) {
    List<String> own = catalogue.regions(provider);
    Set<String> kept = new LinkedHashSet<>();
    for (String region : new LinkedHashSet<>(regions)) {
      if (ALL.equalsIgnoreCase(region)) {
        if (own.isEmpty()) {
          throw new IllegalArgumentException(
              "--region all: this CLI's catalogue lists no regions for provider '"
                  + provider
                  + "'; name the regions with --region");
        }
        kept.addAll(own);
      } else if (own.contains(region) || !belongsToAnotherProvider(provider, region)) {
        kept.add(region);
      }
    }
    return new ArrayList<>(kept);
  }

  private boolean belongsToAnotherProvider(String provider, String region) {
    for (String other : catalogue.providers()) {
      if (!other.equals(provider) && catalogue.regions(other).contains(region)) {
        return true;
      }
    }
    return false;
  }

  private String example(String provider) {
    List<String> known = catalogue.regions(provider);
    if (known.contains("eu-west-2")) {
      return "eu-west-2";
    }
    return known.isEmpty() ? "REGION" : known.get(0);
  }

  /**
   * The CSV columns of a run, from the request alone (see {@link CsvLayout}).
   *
   * @throws IllegalArgumentException when several services are asked and one of them is unknown to
   *     the offline catalogue without {@code --attributes}: its columns cannot be known up front
   */
  CsvLayout csvLayout(List<ServiceQuery> entries) {
    Set<String> sources = new LinkedHashSet<>();
    Set<String> services = new LinkedHashSet<>();
    for (ServiceQuery entry : entries) {
      sources.add(entry.service() + "\n" + entry.provider().value() + "\n" + entry.region());
      services.add(entry.service());
    }
    boolean withSource = sources.size() > 1;
    if (services.size() <= 1) {
      List<String> asked = entries.isEmpty() ? List.of() : entries.get(0).attributes();
      return new CsvLayout(withSource, asked.isEmpty() ? null : asked);
    }
    Set<String> union = new LinkedHashSet<>();
    Set<String> done = new LinkedHashSet<>();
    for (ServiceQuery entry : entries) {
      if (!done.add(entry.service() + "\n" + entry.attributes())) {
        continue;
      }
      if (!entry.attributes().isEmpty()) {
        union.addAll(entry.attributes());
        continue;
      }
      ServiceDefinition known =
          catalogue
              .service(entry.service())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "CSV over several services needs every service's columns before the"
                              + " first row, and '"
                              + entry.service()
                              + "' is not in this CLI's catalogue: name its columns with"
                              + " --attributes, run it on its own, or use -o jsonl"));
      union.addAll(known.columnKeys());
    }
    return new CsvLayout(true, new ArrayList<>(union));
  }
}
