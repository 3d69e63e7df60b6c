package cloud.lightpane.stub.inventory;

import java.util.List;
import java.util.Map;

/**
 * The cloud estate of "Kestrel Labs", a small fictional company: production and staging AWS
 * accounts in London ({@code eu-west-2}), North Virginia ({@code us-east-1}) and Ireland ({@code
 * eu-west-1}, disaster recovery); a GCP analytics project in {@code europe-west2} and {@code
 * us-central1}; an Azure subscription in {@code uksouth} and {@code westeurope}.
 *
 * <p>Ids are derived from a fixed seed per service, account and region, so every run yields the
 * same rows; resources that refer to each other (volumes to instances, subnets to VPCs) agree.
 * Every row is checked against the catalogue as it is added ({@link EstateRows}).
 */
final class DemoEstate {

  private DemoEstate() {}

  static Map<String, List<StoredRow>> build(Catalogue catalogue) {
    EstateRows rows = new EstateRows(catalogue);
    AwsSite.add(
        rows, EstatePart.PROD, "eu-west-2", 1, "web", 3, "api", 2, "worker", 2, "bastion", 1);
    AwsSite.add(
        rows, EstatePart.STAGING, "eu-west-2", 2, "web", 1, "api", 1, "worker", 1, "bastion", 1);
    AwsSite.add(rows, EstatePart.PROD, "us-east-1", 3, "web", 2, "api", 1);
    AwsSite.add(rows, EstatePart.STAGING, "us-east-1", 4, "web", 1);
    AwsSite.add(rows, EstatePart.PROD, "eu-west-1", 5, "dr-web", 1, "dr-db-backup", 1);
    AwsGlobal.add(rows);
    GcpEstate.add(rows);
    AzureEstate.add(rows);
    return rows.all();
  }
}
