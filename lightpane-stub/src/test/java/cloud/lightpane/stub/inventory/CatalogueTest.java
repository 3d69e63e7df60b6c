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
  void identityColumnsOfTheBuiltInServices() {
    assertEquals(List.of("instance_id"), catalogue.service("ec2").orElseThrow().idColumns());
    assertEquals(List.of("bucket_name"), catalogue.service("s3").orElseThrow().idColumns());
    assertEquals(List.of("arn"), catalogue.service("iam_roles").orElseThrow().idColumns());
    assertEquals(
        List.of("server_name", "name"),
        catalogue.service("azure_sql_databases").orElseThrow().idColumns());
    assertEquals(
        List.of("location", "name"),
        catalogue.service("gcp_gke_clusters").orElseThrow().idColumns());
  }

  @Test
  void identityColumnsTellEveryDemoRowApartWithinItsAccountAndRegion() {
    for (ServiceDefinition service : catalogue.services()) {
      List<String> regions =
          service.global() ? List.of("global") : catalogue.regions(service.provider());
      for (String region : regions) {
        Set<List<Object>> seen = new HashSet<>();
        for (InventoryRow row : Inventory.demo().rows(service, region, null)) {
          List<Object> identity = new java.util.ArrayList<>();
          identity.add(row.accountId());
          for (String key : service.idColumns()) {
            assertTrue(row.value(key) != null, service.id() + "." + key + " is never null");
            identity.add(row.value(key));
          }
          assertTrue(seen.add(identity), service.id() + " in " + region + ": twice " + identity);
        }
      }
    }
  }

  @Test
  void demoRowsAreCheckedAgainstTheCatalogue() {
    EstateRows rows = new EstateRows(catalogue);
    IllegalStateException error =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalStateException.class,
            () ->
                rows.add(
                    "ec2", "123456789012", "eu-west-2", java.util.Map.of("instanceid", "i-1")));
    assertTrue(error.getMessage().startsWith("demo estate: ec2 has no column instanceid"));
    assertThrows(() -> rows.add("ec2", "123456789012", "global", java.util.Map.of()));
    assertThrows(() -> rows.add("ec3", "123456789012", "eu-west-2", java.util.Map.of()));
  }

  private static void assertThrows(org.junit.jupiter.api.function.Executable executable) {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, executable);
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
