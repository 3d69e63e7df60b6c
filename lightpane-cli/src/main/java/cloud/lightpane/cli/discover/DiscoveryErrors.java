package cloud.lightpane.cli.discover;

import cloud.lightpane.cli.kernel.CommandFailure;
import cloud.lightpane.cli.kernel.ExitCodes;
import cloud.lightpane.client.BadRequestException;
import cloud.lightpane.client.ErrorReason;
import cloud.lightpane.client.discovery.ServiceQuery;
import cloud.lightpane.stub.inventory.Catalogue;
import cloud.lightpane.stub.inventory.ServiceDefinition;
import java.util.List;
import java.util.Optional;

/**
 * Turns the server's terse 400 messages into ones that name the culprit and what would work. The
 * server's message does not say which entry failed; the offline catalogue usually can. When it
 * cannot (a server newer than this CLI), the server's words are kept as they are.
 */
final class DiscoveryErrors {
  private static final String HINT = "; ";

  private final Catalogue catalogue;

  DiscoveryErrors(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  RuntimeException explain(BadRequestException error, List<ServiceQuery> entries) {
    ErrorReason reason = error.reason();
    String detail;
    switch (reason.code()) {
      case "invalid_service":
        detail = unknownService(entries);
        break;
      case "invalid_region":
        detail = unknownRegion(entries);
        break;
      case "invalid_provider":
        detail = wrongProvider(entries);
        break;
      case "invalid_attribute":
        detail = unknownAttribute(reason.detail(), entries);
        break;
      default:
        detail = null;
    }
    if (detail == null) {
      return error;
    }
    // "<what> (HTTP 400); <what would work>": the status right after the culprit, as for others.
    int hint = detail.indexOf(HINT);
    String text =
        hint < 0
            ? detail + " (HTTP 400)"
            : detail.substring(0, hint) + " (HTTP 400)" + detail.substring(hint);
    return new CommandFailure(ExitCodes.REJECTED, text, error);
  }

  private String unknownService(List<ServiceQuery> entries) {
    for (ServiceQuery entry : entries) {
      if (catalogue.service(entry.service()).isEmpty()) {
        StringBuilder text =
            new StringBuilder("Invalid service identifier '").append(entry.service()).append('\'');
        String close =
            closest(
                entry.service(), catalogue.services().stream().map(ServiceDefinition::id).toList());
        if (close != null) {
          text.append("; did you mean ").append(close).append('?');
        }
        return text.toString();
      }
    }
    return null;
  }

  private String unknownRegion(List<ServiceQuery> entries) {
    for (ServiceQuery entry : entries) {
      Optional<ServiceDefinition> service = catalogue.service(entry.service());
      if (service.isEmpty() || catalogue.acceptsRegion(service.get(), entry.region())) {
        continue;
      }
      String provider = service.get().provider();
      if (service.get().global()) {
        return "Invalid region '"
            + entry.region()
            + "' for "
            + entry.service()
            + "; it is a global service: use region global";
      }
      List<String> known = catalogue.regions(provider);
      StringBuilder text =
          new StringBuilder("Invalid region '")
              .append(entry.region())
              .append("' for ")
              .append(provider);
      String close = closest(entry.region(), known);
      if (close != null) {
        text.append("; did you mean ").append(close).append('?');
      }
      if (close == null) {
        text.append("; known: ").append(String.join(", ", known));
      }
      return text.toString();
    }
    return null;
  }

  private String wrongProvider(List<ServiceQuery> entries) {
    for (ServiceQuery entry : entries) {
      Optional<ServiceDefinition> service = catalogue.service(entry.service());
      if (service.isPresent() && !service.get().provider().equals(entry.provider().value())) {
        return "Invalid provider '"
            + entry.provider().value()
            + "' for "
            + entry.service()
            + "; it is a "
            + service.get().provider()
            + " service: drop --provider, or use -p "
            + service.get().provider();
      }
    }
    return null;
  }

  private String unknownAttribute(String attribute, List<ServiceQuery> entries) {
    for (ServiceQuery entry : entries) {
      Optional<ServiceDefinition> service = catalogue.service(entry.service());
      if (service.isPresent()
          && entry.attributes().contains(attribute)
          && service.get().column(attribute) == null) {
        return "Invalid attribute: "
            + attribute
            + " is not a column of "
            + entry.service()
            + "; its columns: "
            + String.join(", ", service.get().columnKeys());
      }
    }
    return null;
  }

  /**
   * The candidates within two edits of {@code wrong}, the closest ones only, as {@code a}, {@code a
   * or b}, {@code a, b or c}; null when none is close.
   */
  static String closest(String wrong, List<String> candidates) {
    List<String> best = new java.util.ArrayList<>();
    int bestDistance = 3;
    for (String candidate : candidates) {
      int distance = distance(wrong, candidate);
      if (distance < bestDistance) {
        best.clear();
        bestDistance = distance;
      }
      if (distance == bestDistance) {
        best.add(candidate);
      }
    }
    if (best.isEmpty()) {
      return null;
    }
    if (best.size() == 1) {
      return best.get(0);
    }
    return String.join(", ", best.subList(0, best.size() - 1)) + " or " + best.get(best.size() - 1);
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
