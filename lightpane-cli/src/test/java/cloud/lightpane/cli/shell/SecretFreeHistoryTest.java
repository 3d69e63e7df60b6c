package cloud.lightpane.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFreeHistoryTest {
  @Test
  void linesHoldingATokenOrASessionAreNeverRecorded() {
    assertTrue(SecretFreeHistory.recordable("discover s3 -r eu-west-2 -o csv"));
    assertTrue(SecretFreeHistory.recordable("config set api_key"), "a key name is no secret");
    assertFalse(SecretFreeHistory.recordable("config set api_key csl_ak_9hIxQ2w"));
    assertFalse(SecretFreeHistory.recordable("x CSL_EM_abc"));
    assertFalse(SecretFreeHistory.recordable("x csl_dm_abc"));
    assertFalse(SecretFreeHistory.recordable("config set session lightpane_session=abc"));
    assertFalse(SecretFreeHistory.recordable(" discover s3"), "a leading space keeps a line out");

    SecretFreeHistory history = new SecretFreeHistory();
    history.add("discover s3");
    history.add("keys revoke csl_ak_secretvalue");
    assertEquals(1, history.size());
    assertEquals("discover s3", history.get(0));
  }

  @Test
  void historyLivesUnderXdgStateHomeOwnerOnly(@TempDir Path dir) throws Exception {
    Path file = SecretFreeHistory.location(Map.of("XDG_STATE_HOME", dir.toString()));
    assertEquals(dir.resolve("lightpane/history"), file);
    assertEquals(
        Path.of(System.getProperty("user.home"), ".local/state/lightpane/history"),
        SecretFreeHistory.location(Map.of("XDG_STATE_HOME", "relative/is/ignored")));

    SecretFreeHistory.prepare(file);
    assertTrue(Files.isRegularFile(file));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
  }
}
