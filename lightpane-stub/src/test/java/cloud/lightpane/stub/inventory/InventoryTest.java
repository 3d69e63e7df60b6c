package cloud.lightpane.stub.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.stub.internal.accounts.DemoUser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InventoryTest {

  @Test
  void demoEstateIsDeterministicAndConsistent() {
    Map<String, List<StoredRow>> once = DemoEstate.build(Catalogue.builtIn());
    Map<String, List<StoredRow>> twice = DemoEstate.build(Catalogue.builtIn());
    assertEquals(once, twice);
    Catalogue catalogue = Catalogue.builtIn();
    Set<String> accounts = new HashSet<>();
    DemoUser.accounts().forEach(a -> accounts.add(a.accountId()));
    int services = 0;
    for (ServiceDefinition service : catalogue.services()) {
      boolean any = false;
      for (String region : regionsOf(catalogue, service)) {
        for (InventoryRow row : Inventory.demo().rows(service, region, null)) {
          any = true;
          assertTrue(accounts.contains(row.accountId()), service.id());
          assertTrue(
              DemoUser.account(service.provider(), row.accountId()).isPresent(), "own provider");
          StoredRow stored = (StoredRow) row;
          assertEquals(
              service.columnKeys(),
              new ArrayList<>(stored.values().keySet()),
              service.id() + " row keys");
        }
      }
      services += any ? 1 : 0;
    }
    assertEquals(catalogue.services().size(), services, "every service has demo rows");
  }

  @Test
  void volumesAreAttachedToInstancesOfTheSameAccountAndRegion() {
    Catalogue catalogue = Catalogue.builtIn();
    Set<String> instances = new HashSet<>();
    for (InventoryRow row :
        Inventory.demo()
            .rows(catalogue.service("ec2").orElseThrow(), "eu-west-2", Set.of("123456789012"))) {
      instances.add((String) row.value("instance_id"));
    }
    int attached = 0;
    for (InventoryRow row :
        Inventory.demo()
            .rows(
                catalogue.service("ebs_volumes").orElseThrow(),
                "eu-west-2",
                Set.of("123456789012"))) {
      Object instance = row.value("attached_instance_id");
      if (instance != null) {
        assertTrue(instances.contains(instance));
        attached++;
      }
    }
    assertEquals(instances.size(), attached);
  }

  @Test
  void syntheticRowsAreDeterministicAndCountedUpFront() {
    Inventory synthetic = Inventory.synthetic(1_000_003);
    ServiceDefinition ec2 = synthetic.catalogue().service("ec2").orElseThrow();
    RowSet all = synthetic.rows(ec2, "eu-west-2", null);
    assertEquals(1_000_003, all.count());
    RowSet prod = synthetic.rows(ec2, "eu-west-2", Set.of("123456789012"));
    RowSet staging = synthetic.rows(ec2, "eu-west-2", Set.of("210987654321"));
    assertEquals(500_002, prod.count());
    assertEquals(500_001, staging.count());
    InventoryRow first = synthetic.rows(ec2, "eu-west-2", null).iterator().next();
    InventoryRow again =
        Inventory.synthetic(1_000_003).rows(ec2, "eu-west-2", null).iterator().next();
    for (String key : ec2.columnKeys()) {
      assertEquals(first.value(key), again.value(key), key);
    }
    InventoryRow other = synthetic.rows(ec2, "us-east-1", null).iterator().next();
    assertNotEquals(first.value("instance_id"), other.value("instance_id"));
    long counted = 0;
    for (InventoryRow row :
        Inventory.synthetic(1001).rows(ec2, "eu-west-2", Set.of("210987654321"))) {
      assertEquals("210987654321", row.accountId());
      counted++;
    }
    assertEquals(
        Inventory.synthetic(1001).rows(ec2, "eu-west-2", Set.of("210987654321")).count(), counted);
  }

  private static List<String> regionsOf(Catalogue catalogue, ServiceDefinition service) {
    return service.global() ? List.of("global") : catalogue.regions(service.provider());
  }
}
