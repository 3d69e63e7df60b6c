package cloud.lightpane.cli.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.lightpane.cli.kernel.CommandFailure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which columns match a row of the old snapshot with the same resource in the new one. */
class IdentityTest {
  private static final Identity.Lookup CATALOGUE =
      service -> Map.of("ec2", List.of("instance_id")).getOrDefault(service, List.of());

  private static Identity identity(String... keys) {
    return new Identity(CATALOGUE, List.of(keys));
  }

  @Test
  void aServiceKeyBeatsTheCatalogueWhichBeatsAPlainKey() {
    Identity identity = identity("name", "ec2=name", "ec2=state");
    assertEquals(List.of("name", "state"), identity.columns("ec2"));
    assertEquals(List.of("name"), identity.columns("custom"));

    Identity plain = identity("name");
    assertEquals(List.of("instance_id"), plain.columns("ec2"));
    assertEquals(List.of("name"), plain.columns("custom"));
  }

  @Test
  void withoutAnyKeyAnUnknownServiceIsMatchedByTheWholeRow() {
    assertEquals(List.of(), identity().columns("custom"));
    assertEquals(List.of("instance_id"), identity().columns("ec2"));
    assertNull(identity().unusedKeyNote());
  }

  @Test
  void repeatedKeysCountOnceAndSpacesAroundThemGo() {
    assertEquals(List.of("name", "id"), identity(" name ", "name", "id").columns("custom"));
    assertEquals(List.of("name"), identity(" ec2 = name ", "ec2=name").columns("ec2"));
  }

  @Test
  void aPlainKeyTheCatalogueOverruledIsNotedAndOneThatWasUsedIsNot() {
    Identity overruled = identity("name");
    overruled.columns("ec2");
    assertEquals(
        "--key name was not used: the catalogue identifies ec2 by instance_id; to match a service"
            + " by another column, give --key SERVICE=COLUMN",
        overruled.unusedKeyNote());

    Identity used = identity("name");
    used.columns("ec2");
    used.columns("custom");
    assertNull(used.unusedKeyNote());
  }

  @Test
  void aKeyWithoutAServiceOrAColumnIsAUsageError() {
    for (String bad : List.of(" ", "", "=name", "ec2=", " = ")) {
      CommandFailure failure = assertThrows(CommandFailure.class, () -> identity(bad), bad);
      assertEquals(2, failure.exitCode(), bad);
      assertEquals(
          "Invalid --key '"
              + bad
              + "': give a column, e.g. --key instance_id, or SERVICE=COLUMN, e.g. --key ec2=name",
          failure.getMessage());
    }
  }
}
