package cloud.lightpane.stub.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogueTest {

  private final Catalogue catalogue = Catalogue.builtIn();

  @Test
  void shipsTheContractsMinimum() {
    assertTrue(catalogue.services("aws").size() >= 20);
    assertTrue(catalogue.services("gcp").size() >= 8);
    assertTrue(catalogue.services("azure").size() >= 8);
    assertEquals(List.of("aws", "gcp", "azure"), catalogue.providers());
    assertSame(catalogue, Catalogue.builtIn(), "built once");
  }

  @Test
  void documentedServicesHaveTheirDocumentedColumnsFirst() {
    assertColumns(
        "ec2", "EC2 Instances", "name", "instance_id", "instance_type", "state", "private_ip");
    assertColumns("s3", null, "bucket_name", "creation_date", "region", "versioning_status");
    assertColumns("lambda_functions", null, "function_name", "runtime", "memory_size");
    assertColumns("gcp_compute_instances", null, "name", "machine_type", "status", "zone");
    assertTrue(catalogue.service("kms_keys").isPresent());
    assertTrue(catalogue.service("cloudtrail_trails").isPresent());
  }

  private void assertColumns(String id, String label, String... firstKeys) {
    ServiceDefinition service = catalogue.service(id).orElseThrow();
    if (label != null) {
      assertEquals(label, service.label());
    }
    assertEquals(List.of(firstKeys), service.columnKeys().subList(0, firstKeys.length));
  }

  @Test
  void everyServiceIsWellFormed() {
    for (ServiceDefinition service : catalogue.services()) {
      Set<String> keys = new HashSet<>();
      for (ColumnDefinition column : service.columns()) {
        assertTrue(column.key().matches("[a-z][a-z0-9_]*"), service.id() + "." + column.key());
        assertFalse(column.label().isBlank());
        assertTrue(keys.add(column.key()), "duplicate column " + column.key());
      }
      assertTrue(service.id().matches("[a-z][a-z0-9_]*"));
    }
  }

  @Test
  void realRegionNamesAndGlobalServices() {
    assertTrue(
        catalogue.regions("aws").containsAll(List.of("eu-west-2", "us-east-1", "eu-west-1")));
    assertTrue(catalogue.regions("gcp").containsAll(List.of("europe-west2", "us-central1")));
    assertTrue(catalogue.regions("azure").containsAll(List.of("uksouth", "westeurope")));
    assertFalse(catalogue.regions("aws").contains("global"));
    ServiceDefinition iam = catalogue.service("iam_users").orElseThrow();
    assertTrue(iam.global());
    assertTrue(catalogue.acceptsRegion(iam, "global"));
    assertFalse(catalogue.acceptsRegion(iam, "us-east-1"));
    ServiceDefinition ec2 = catalogue.service("ec2").orElseThrow();
    assertFalse(catalogue.acceptsRegion(ec2, "global"));
    assertFalse(catalogue.acceptsRegion(ec2, "europe-west2"));
  }
}
