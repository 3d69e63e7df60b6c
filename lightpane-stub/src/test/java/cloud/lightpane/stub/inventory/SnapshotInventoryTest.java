package cloud.lightpane.stub.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A recorded snapshot as an inventory: both forms, the catalogue it implies, every refusal. */
class SnapshotInventoryTest {

  @TempDir Path dir;

  private Path write(String text) throws IOException {
    Path file = dir.resolve("snapshot.jsonl");
    Files.writeString(file, text);
    return file;
  }

  private static List<String> names(Inventory inventory, String service, String region) {
    ServiceDefinition definition = inventory.catalogue().service(service).orElseThrow();
    List<String> names = new ArrayList<>();
    for (InventoryRow row : inventory.rows(definition, region, null)) {
      names.add(String.valueOf(row.value(definition.columnKeys().get(0))));
    }
    return names;
  }

  @Test
  void aDocumentGivesAnUnknownServiceItsLabelAndColumnLabels() throws IOException {
    Inventory inventory =
        Inventory.fromSnapshot(
            write(
                """
                {"results": [{"metadata": {"service": "gcp_spanner", "service_label": "Spanner",
                                           "provider": "gcp", "region": "global", "count": 2},
                              "columns": [{"key": "instance", "label": "Instance"},
                                          {"key": "nodes", "label": "Nodes"}],
                              "rows": [{"instance": "main", "nodes": 3}, {"instance": "dr", "nodes": 1}]},
                             {"metadata": {"service": "ec2", "provider": "aws", "region": "us-west-1"},
                              "columns": [], "rows": []}]}
                """));
    ServiceDefinition spanner = inventory.catalogue().service("gcp_spanner").orElseThrow();
    assertEquals("Spanner", spanner.label());
    assertTrue(spanner.global(), "recorded only in global");
    assertEquals(
        List.of(
            new ColumnDefinition("instance", "Instance"), new ColumnDefinition("nodes", "Nodes")),
        spanner.columns());
    assertEquals(List.of("main", "dr"), names(inventory, "gcp_spanner", "global"));
    assertEquals(
        Catalogue.builtIn().service("ec2").orElseThrow(),
        inventory.catalogue().service("ec2").orElseThrow(),
        "a built-in service keeps its definition");
    assertEquals(List.of(), names(inventory, "ec2", "us-west-1"));
  }

  @Test
  void aBuiltInServiceGainsTheKeysItLacksAfterItsColumns() throws IOException {
    Inventory inventory =
        Inventory.fromSnapshot(
            write(
                "{\"service\":\"s3\",\"provider\":\"aws\",\"region\":\"eu-west-2\","
                    + "\"row\":{\"bucket_name\":\"b\",\"tier\":\"cold\"}}\n"));
    ServiceDefinition s3 = inventory.catalogue().service("s3").orElseThrow();
    List<String> builtIn = Catalogue.builtIn().service("s3").orElseThrow().columnKeys();
    assertEquals(builtIn, s3.columnKeys().subList(0, builtIn.size()));
    assertEquals(List.of("tier"), s3.columnKeys().subList(builtIn.size(), s3.columnKeys().size()));
    assertEquals(Catalogue.builtIn().service("s3").orElseThrow().idColumns(), s3.idColumns());
  }

  @Test
  void rowsBelongToTheProvidersFirstDemoAccount() throws IOException {
    Inventory inventory =
        Inventory.fromSnapshot(
            write(
                "{\"service\":\"s3\",\"provider\":\"aws\",\"region\":\"eu-west-2\","
                    + "\"row\":{\"bucket_name\":\"b\"}}\n"));
    ServiceDefinition s3 = inventory.catalogue().service("s3").orElseThrow();
    assertEquals(1, inventory.rows(s3, "eu-west-2", java.util.Set.of("123456789012")).count());
    assertEquals(0, inventory.rows(s3, "eu-west-2", java.util.Set.of("210987654321")).count());
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "[1]| line 1: expected a JSON object, found [",
        "{}| line 1: neither a line of 'discover -o jsonl' ({\"service\", \"provider\", \"region\","
            + " \"row\"}) nor a 'discover -o json' document ({\"results\": [...]})",
        "{\"service\":\"s3\",\"provider\":\"aws\",\"region\":\"eu-west-2\",\"row\":{\"a\":[1]}}|"
            + " line 1: row.a: a nested value cannot be replayed; a row's values are strings,"
            + " numbers, booleans or null",
        "{\"service\":\"s3\",\"provider\":\"gcp\",\"region\":\"eu-west-2\",\"row\":{\"a\":1}}|"
            + " line 1: 's3' is a service of aws, not of gcp",
        "{\"service\":\"s3\",\"provider\":\"aws\",\"region\":\"global\",\"row\":{\"a\":1}}|"
            + " line 1: 'global': s3 is regional and never takes region \"global\"",
        "{\"service\":\"s3\",\"provider\":\"aws\",\"region\":\"eu-west-2\",\"row\":{\"a\":1,\"a\":2}}|"
            + " line 1: not valid JSON: Duplicate field 'a'",
        "{\"results\": [{\"metadata\": {\"service\": \"x_new\", \"provider\": \"aws\","
            + " \"region\": \"eu-west-2\"}, \"rows\": []}]}| line 1: 'x_new' is not in the built-in"
            + " catalogue and the snapshot shows no column of it (no row, no \"columns\"); record it"
            + " with at least one row",
      })
  void aSnapshotThatCannotBeReplayedIsRefusedWithItsLine(String text, String problem)
      throws IOException {
    Path file = write(text);
    FixtureException e = assertThrows(FixtureException.class, () -> Inventory.fromSnapshot(file));
    assertEquals(file + ": " + problem.strip(), e.getMessage());
  }

  @Test
  void aServiceRecordedForTwoProvidersNamesBothLines() throws IOException {
    Path file =
        write(
            "{\"service\":\"x_new\",\"provider\":\"aws\",\"region\":\"eu-west-2\",\"row\":{\"a\":1}}\n"
                + "{\"service\":\"x_new\",\"provider\":\"gcp\",\"region\":\"europe-west2\",\"row\":{\"a\":1}}\n");
    FixtureException e = assertThrows(FixtureException.class, () -> Inventory.fromSnapshot(file));
    assertEquals(
        file
            + ": line 2: service 'x_new' is recorded for provider 'gcp' here but for 'aws' on line 1",
        e.getMessage());
  }

  @Test
  void fromFixturesTellsADirectoryFromASnapshot() throws IOException {
    Path file =
        write("{\"service\":\"s3\",\"provider\":\"aws\",\"region\":\"eu-west-2\",\"row\":{}}\n");
    assertEquals(
        1,
        Inventory.fromFixtures(file)
            .rows(Catalogue.builtIn().service("s3").orElseThrow(), "eu-west-2", null)
            .count());
    FixtureException missing =
        assertThrows(
            FixtureException.class, () -> Inventory.fromFixtures(dir.resolve("nope.jsonl")));
    assertTrue(
        missing
            .getMessage()
            .endsWith(
                "nope.jsonl: not a snapshot file (the output of"
                    + " 'lightpane discover -o jsonl' or -o json)"),
        missing.getMessage());
  }
}
