package cloud.lightpane.cli.diff;

import cloud.lightpane.stub.inventory.Catalogue;
import cloud.lightpane.stub.inventory.ServiceDefinition;
import java.util.List;

/** The identity columns of the built-in catalogue's services ({@code services describe ID}). */
final class CatalogueIdentity implements Identity.Lookup {
  private final Catalogue catalogue;

  CatalogueIdentity(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Override
  public List<String> idColumns(String service) {
    // Services the catalogue does not know have none: --key, else the whole row.
    return catalogue.service(service).map(ServiceDefinition::idColumns).orElse(List.of());
  }
}
