package cloud.lightpane.stub.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FixtureInventoryTest {

  @TempDir Path dir;

  @Test
  void loadsRowsAndAddedServices() throws IOException {
    Files.writeString(
        dir.resolve("catalogue.json"),
        """
        {"services": [{"id": "aws_backup_vaults", "provider": "aws", "label": "Backup Vaults",
                       "columns": [{"key": "name", "label": "Name"}, {"key": "recovery_points", "label": "Recovery Points"}]}],
         "regions": {"aws": ["eu-west-9"]}}
        """);
    Files.writeString(
        dir.resolve("aws_backup_vaults.json"),
        """
        {"rows": [{"region": "eu-west-9", "values": {"name": "vault-1", "recovery_points": 12}},
                  {"region": "eu-west-2", "account": "210987654321", "values": {"name": "vault-2"}}]}
        """);
    Files.writeString(
        dir.resolve("ec2.json"),
        """
        {"rows": [{"region": "eu-west-2", "values": {"name": "from-fixture", "state": "running", "private_ip": null}}]}
        """);
    Inventory inventory = Inventory.fromDirectory(dir);
    ServiceDefinition vaults = inventory.catalogue().service("aws_backup_vaults").orElseThrow();
    InventoryRow row = inventory.rows(vaults, "eu-west-9", null).iterator().next();
    assertEquals("vault-1", row.value("name"));
    assertEquals(12L, row.value("recovery_points"));
    assertEquals("123456789012", row.accountId(), "first linked account by default");
    assertEquals(1, inventory.rows(vaults, "eu-west-2", java.util.Set.of("210987654321")).count());
    ServiceDefinition ec2 = inventory.catalogue().service("ec2").orElseThrow();
    InventoryRow instance = inventory.rows(ec2, "eu-west-2", null).iterator().next();
    assertEquals("from-fixture", instance.value("name"));
    assertEquals(null, instance.value("instance_id"), "missing columns are null");
    assertTrue(inventory.catalogue().service("s3").isPresent(), "built-in services stay");
    assertEquals(
        0,
        inventory
            .rows(inventory.catalogue().service("s3").orElseThrow(), "eu-west-2", null)
            .count());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ec2.json | {\"rows\": [ | ec2.json: line 1, column 11: not valid JSON",
        "ec2.json | {\"rows\": [{\"region\": \"eu-west-2\"}], \"extra\": 1} | ec2.json: $.extra: unknown field",
        "ec2.json | {\"rows\": {}} | ec2.json: $.rows: must be a list",
        "ec2.json | {\"rows\": [{\"region\": \"eu-west-9\", \"values\": {}}]} | ec2.json: $.rows[0].region: 'eu-west-9' is not a region of aws",
        "ec2.json | {\"rows\": [{\"region\": \"eu-west-2\", \"values\": {\"nmae\": 1}}]} | ec2.json: $.rows[0].values.nmae: unknown column 'nmae' of ec2",
        "ec2.json | {\"rows\": [{\"region\": \"eu-west-2\", \"values\": {\"name\": {\"a\": 1}}}]} | ec2.json: $.rows[0].values.name: must be a string, number, boolean or null",
        "ec2.json | {\"rows\": [{\"region\": \"eu-west-2\", \"account\": \"999\", \"values\": {}}]} | ec2.json: $.rows[0].account: '999' is not a linked aws account",
        "iam_users.json | {\"rows\": [{\"region\": \"us-east-1\", \"values\": {}}]} | iam_users.json: $.rows[0].region: 'us-east-1': iam_users is global",
        "nope.json | {\"rows\": []} | nope.json: no service 'nope' in the catalogue",
        "catalogue.json | {\"services\": [{\"id\": \"x\", \"provider\": \"oracle\", \"label\": \"X\", \"columns\": [{\"key\": \"a\", \"label\": \"A\"}]}]} | catalogue.json: $.services[0].provider: unknown provider 'oracle'",
        "catalogue.json | {\"services\": [{\"id\": \"x\", \"provider\": \"aws\", \"label\": \"X\", \"columns\": []}]} | catalogue.json: $.services[0].columns: must be a non-empty list",
        "catalogue.json | {\"services\": [{\"id\": \"x\", \"provider\": \"aws\", \"label\": \"X\", \"id_columns\": [\"arn\"], \"columns\": [{\"key\": \"a\", \"label\": \"A\"}]}]} | catalogue.json: $.services[0].id_columns[0]: 'arn' is not one of the service's columns",
        "catalogue.json | {\"services\": [{\"id\": \"x\", \"provider\": \"aws\", \"label\": \"X\", \"id_columns\": [], \"columns\": [{\"key\": \"a\", \"label\": \"A\"}]}]} | catalogue.json: $.services[0].id_columns: must name at least one column",
        "catalogue.json | {\"services\": [{\"id\": \"x\", \"provider\": \"aws\", \"label\": \"X\", \"id_columns\": [\"a\", \"a\"], \"columns\": [{\"key\": \"a\", \"label\": \"A\"}]}]} | catalogue.json: $.services[0].id_columns[1]: 'a' is named twice",
        "ec2.json | {\"rows\": [], \"rows\": []} | ec2.json: line 1, column 20: not valid JSON: Duplicate field 'rows'",
        "ec2.json | {\"rows\": []} [] | ec2.json: line 1, column 14: not valid JSON: text after the value",
      })
  void namesTheFileThePlaceAndTheProblem(String file, String content, String expected)
      throws IOException {
    Files.writeString(dir.resolve(file), content);
    FixtureException error =
        assertThrows(FixtureException.class, () -> Inventory.fromDirectory(dir));
    assertTrue(error.getMessage().contains(expected), error.getMessage());
    assertTrue(error.getMessage().startsWith(dir.resolve(file).toString()), error.getMessage());
  }

  @Test
  void identityColumnsAreGivenInheritedOrTheFirstColumn() throws IOException {
    Files.writeString(
        dir.resolve("catalogue.json"),
        """
        {"services": [
          {"id": "vaults", "provider": "aws", "label": "Vaults", "id_columns": ["region", "name"],
           "columns": [{"key": "name", "label": "Name"}, {"key": "region", "label": "Region"}]},
          {"id": "queues", "provider": "aws", "label": "Queues",
           "columns": [{"key": "queue_name", "label": "Name"}, {"key": "url", "label": "URL"}]},
          {"id": "ec2", "provider": "aws", "label": "EC2", "columns": [
            {"key": "state", "label": "State"}, {"key": "instance_id", "label": "ID"}]},
          {"id": "s3", "provider": "aws", "label": "S3", "columns": [{"key": "name", "label": "N"}]}
        ]}
        """);
    Catalogue catalogue = Inventory.fromDirectory(dir).catalogue();
    assertEquals(List.of("region", "name"), catalogue.service("vaults").orElseThrow().idColumns());
    assertEquals(List.of("queue_name"), catalogue.service("queues").orElseThrow().idColumns());
    assertEquals(
        List.of("instance_id"),
        catalogue.service("ec2").orElseThrow().idColumns(),
        "a replaced built-in service keeps its identity column while it is still a column");
    assertEquals(
        List.of("name"),
        catalogue.service("s3").orElseThrow().idColumns(),
        "bucket_name is gone: the first column");
  }

  @Test
  void multiLineSyntaxErrorsGiveTheLine() throws IOException {
    Files.writeString(
        dir.resolve("s3.json"), "{\n  \"rows\": [\n    {\"region\": \"eu-west-2\",,}\n  ]\n}\n");
    FixtureException error =
        assertThrows(FixtureException.class, () -> Inventory.fromDirectory(dir));
    assertTrue(error.getMessage().contains("line 3, column"), error.getMessage());
  }

  @Test
  void notADirectory() {
    FixtureException error =
        assertThrows(FixtureException.class, () -> Inventory.fromDirectory(dir.resolve("missing")));
    assertTrue(error.getMessage().contains("not a directory"));
  }
}
