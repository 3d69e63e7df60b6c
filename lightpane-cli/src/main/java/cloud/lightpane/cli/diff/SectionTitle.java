package cloud.lightpane.cli.diff;

import cloud.lightpane.stub.inventory.Catalogue;
import cloud.lightpane.stub.inventory.ServiceDefinition;
import java.util.Optional;

/**
 * The title of one section of a table or Markdown diff: {@code EC2 Instances (ec2) · aws ·
 * eu-west-2}, with the service's label from the built-in catalogue, or only its id when the
 * catalogue does not know it. Raw text: each format escapes it its own way.
 */
final class SectionTitle {
  private final Catalogue catalogue;

  SectionTitle(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  String of(Difference difference) {
    Optional<ServiceDefinition> known = catalogue.service(difference.service());
    String label = known.isPresent() ? known.get().label() : null;
    String service =
        label != null && !label.equals(difference.service())
            ? label + " (" + difference.service() + ")"
            : difference.service();
    return service + " · " + difference.provider() + " · " + difference.region();
  }
}
