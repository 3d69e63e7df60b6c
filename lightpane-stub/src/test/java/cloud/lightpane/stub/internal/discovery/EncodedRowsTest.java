package cloud.lightpane.stub.internal.discovery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import cloud.lightpane.stub.internal.accounts.DemoUser;
import cloud.lightpane.stub.inventory.Catalogue;
import cloud.lightpane.stub.inventory.ColumnDefinition;
import cloud.lightpane.stub.inventory.Inventory;
import cloud.lightpane.stub.inventory.RowSet;
import cloud.lightpane.stub.inventory.ServiceDefinition;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A repeatable inventory's results are encoded once and sent again, byte for byte what encoding
 * them afresh writes; what changes per request (the timestamp) is not kept, and neither is a result
 * too big to hold. The uncached side is the same inventory behind a wrapper that is not repeatable.
 */
class EncodedRowsTest {

  private static final Instant AT = Instant.parse("2026-03-15T10:00:00Z");

  /** The same rows, not declared repeatable: written by the streaming path every time. */
  private static Inventory uncached(Inventory inventory) {
    return new Inventory() {
      @Override
      public Catalogue catalogue() {
        return inventory.catalogue();
      }

      @Override
      public RowSet rows(ServiceDefinition service, String region, Set<String> accountIds) {
        return inventory.rows(service, region, accountIds);
      }
    };
  }

  private static byte[] write(DiscoveryResponseWriter writer, List<PlannedResult> plan, Instant at)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(plan, at, out);
    return out.toByteArray();
  }

  /** Every service of the catalogue in its first region, all columns, every account. */
  private static List<PlannedResult> everyService(Inventory inventory) {
    List<PlannedResult> plan = new ArrayList<>();
    for (ServiceDefinition service : inventory.catalogue().services()) {
      String region =
          service.global()
              ? ServiceDefinition.GLOBAL_REGION
              : inventory.catalogue().regions(service.provider()).get(0);
      plan.add(new PlannedResult(service, region, service.columns(), null));
    }
    return plan;
  }

  private static void assertSameBytesCachedOrNot(Inventory inventory) throws IOException {
    List<PlannedResult> plan = everyService(inventory);
    DiscoveryResponseWriter cached = new DiscoveryResponseWriter(inventory);
    DiscoveryResponseWriter fresh = new DiscoveryResponseWriter(uncached(inventory));
    byte[] expected = write(fresh, plan, AT);
    byte[] first = write(cached, plan, AT);
    assertEquals(plan.size(), cached.keptResults(), "every result kept after the first request");
    assertEquals(0, fresh.keptResults());
    byte[] second = write(cached, plan, AT);
    assertArrayEquals(expected, first);
    assertArrayEquals(expected, second);
  }

  @Test
  void demoResultsFromTheCacheAreByteIdentical() throws IOException {
    assertSameBytesCachedOrNot(Inventory.demo());
  }

  @Test
  void syntheticResultsFromTheCacheAreByteIdentical() throws IOException {
    assertSameBytesCachedOrNot(Inventory.synthetic(300));
  }

  @Test
  void theTimestampIsWrittenPerRequestNotKept() throws IOException {
    Inventory inventory = Inventory.synthetic(3);
    List<PlannedResult> plan = everyService(inventory).subList(0, 1);
    DiscoveryResponseWriter cached = new DiscoveryResponseWriter(inventory);
    write(cached, plan, AT);
    JsonNode later = new ObjectMapper().readTree(write(cached, plan, AT.plusSeconds(3600)));
    assertEquals("2026-03-15T11:00:00Z", later.at("/results/0/metadata/timestamp").asText());
    assertEquals(3, later.at("/results/0/rows").size());
  }

  @Test
  void columnsTheirOrderAndAccountsEachMakeTheirOwnResult() throws IOException {
    Inventory inventory = Inventory.synthetic(12);
    PlannedResult all = everyService(inventory).get(0);
    List<ColumnDefinition> reversed = new ArrayList<>(all.columns());
    Collections.reverse(reversed);
    String firstAccount = DemoUser.accounts(all.service().provider()).get(0).accountId();
    int accounts = DemoUser.accounts(all.service().provider()).size();
    List<List<PlannedResult>> plans =
        List.of(
            List.of(all),
            List.of(new PlannedResult(all.service(), all.region(), reversed, null)),
            List.of(
                new PlannedResult(all.service(), all.region(), all.columns().subList(0, 1), null)),
            List.of(
                new PlannedResult(
                    all.service(), all.region(), all.columns(), Set.of(firstAccount))));
    DiscoveryResponseWriter cached = new DiscoveryResponseWriter(inventory);
    DiscoveryResponseWriter fresh = new DiscoveryResponseWriter(uncached(inventory));
    List<String> bodies = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      for (List<PlannedResult> plan : plans) {
        byte[] got = write(cached, plan, AT);
        assertArrayEquals(write(fresh, plan, AT), got, plan.toString());
        if (round == 0) {
          bodies.add(new String(got, StandardCharsets.UTF_8));
        }
      }
    }
    assertEquals(4, cached.keptResults());
    assertEquals(4, bodies.stream().distinct().count(), "four different results");
    // Rows go to the accounts in turn: one account of n holds ceil(12 / n) of them.
    JsonNode oneAccount = new ObjectMapper().readTree(bodies.get(3));
    assertEquals((12 + accounts - 1) / accounts, oneAccount.at("/results/0/rows").size());
    assertNotEquals(12, accounts == 1 ? 0 : oneAccount.at("/results/0/rows").size());
  }

  @Test
  void aResultOverTheRowCapStreamsAndIsNotKept() throws IOException {
    Inventory inventory = Inventory.synthetic(EncodedRows.MAX_ROWS + 1);
    List<PlannedResult> plan = everyService(inventory).subList(0, 1);
    DiscoveryResponseWriter cached = new DiscoveryResponseWriter(inventory);
    JsonNode body = new ObjectMapper().readTree(write(cached, plan, AT));
    assertEquals(EncodedRows.MAX_ROWS + 1, body.at("/results/0/rows").size());
    assertEquals(0, cached.keptResults());
  }

  @Test
  void anInventoryOfYourOwnIsNotRepeatableUnlessItSaysSo() {
    assertFalse(uncached(Inventory.demo()).repeatable());
  }
}
