package cloud.lightpane.stub.internal.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.stub.inventory.Catalogue;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrantStoreTest {

  @TempDir Path dir;

  private static NewKey key(String body) throws IOException {
    return NewKey.from(
        new ObjectMapper().readTree(body),
        Catalogue.builtIn(),
        Instant.parse("2026-03-15T10:00:00Z"));
  }

  @Test
  void keepsTheDirectoryAndItsFilesPrivateWhateverWasThereBefore() throws IOException {
    Path data = dir.resolve("parent/keys");
    Files.createDirectories(
        data, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));
    try (GrantStore store = GrantStore.inDirectory(data)) {
      store.add(
          key("{\"grant_type\": \"api_key\", \"label\": \"p\", \"group_id\": \"demo\"}").grant());
    }
    assertEquals("rwx------", mode(data));
    assertEquals("rw-------", mode(data.resolve("grants.json")));
    assertEquals("rw-------", mode(data.resolve(".lock")));
  }

  @Test
  void createsAMissingDirectoryPrivate() throws IOException {
    Path data = dir.resolve("fresh");
    try (GrantStore store = GrantStore.inDirectory(data)) {
      assertEquals("rwx------", mode(data));
      assertEquals("rw-------", mode(data.resolve(".lock")));
    }
  }

  private static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  @Test
  void keepsGrantsAcrossRestartsWithHashesOnly() throws IOException {
    NewKey kept =
        key(
            "{\"grant_type\": \"embed\", \"label\": \"kept\", \"constraints\": {\"allowed_origins\": [\"https://a.example\"], \"allowed_ips\": [\"10.0.0.0/8\"], \"require_referer\": true}}");
    NewKey revoked =
        key("{\"grant_type\": \"api_key\", \"label\": \"revoked\", \"group_id\": \"demo\"}");
    try (GrantStore store = GrantStore.inDirectory(dir)) {
      store.add(kept.grant());
      store.add(revoked.grant());
      store.revoke(revoked.grant().grantId());
      store.markUsed(kept.grant().grantId(), Instant.parse("2026-03-15T11:00:00Z"));
    }
    String file = Files.readString(dir.resolve("grants.json"));
    assertFalse(file.contains(kept.token().substring(7)));
    try (GrantStore store = GrantStore.inDirectory(dir)) {
      Grant again = store.byTokenHash(Tokens.hash(kept.token())).orElseThrow();
      assertEquals(
          GrantJson.record(kept.grant().usedAt(Instant.parse("2026-03-15T11:00:00Z"))),
          GrantJson.record(again));
      assertTrue(store.byId(revoked.grant().grantId()).orElseThrow().revoked());
      assertEquals("demo", store.byId(revoked.grant().grantId()).orElseThrow().groupId());
      assertEquals(2, store.list().size());
    }
  }

  @Test
  void oneServerPerDirectory() {
    try (GrantStore store = GrantStore.inDirectory(dir)) {
      assertTrue(store.list().isEmpty());
      UncheckedIOException error =
          assertThrows(UncheckedIOException.class, () -> GrantStore.inDirectory(dir));
      assertTrue(
          error.getMessage().contains("another server is using this data directory"),
          error.getMessage());
    }
  }

  @Test
  void aDamagedFileIsReportedNotOverwritten() throws IOException {
    Files.writeString(dir.resolve("grants.json"), "{\"grants\": [{\"grant_id\": 1}]}");
    UncheckedIOException error =
        assertThrows(UncheckedIOException.class, () -> GrantStore.inDirectory(dir));
    assertTrue(error.getMessage().contains("grants.json is not a grants file"), error.getMessage());
    assertEquals("{\"grants\": [{\"grant_id\": 1}]}", Files.readString(dir.resolve("grants.json")));
  }

  @Test
  void leftoverTemporaryFilesAreRemoved() throws IOException {
    Files.writeString(dir.resolve("grants.json.tmp"), "{\"gra");
    try (GrantStore store = GrantStore.inDirectory(dir)) {
      assertTrue(store.list().isEmpty());
    }
    assertFalse(Files.exists(dir.resolve("grants.json.tmp")));
  }

  @Test
  void lookupByTokenNeedsTheWholeToken() throws IOException {
    NewKey key = key("{\"grant_type\": \"api_key\", \"label\": \"x\"}");
    GrantStore store = GrantStore.inMemory();
    store.add(key.grant());
    assertTrue(store.byTokenHash(Tokens.hash(key.token())).isPresent());
    assertTrue(store.byTokenHash(Tokens.hash(key.token().substring(1))).isEmpty());
    assertFalse(key.toString().contains(key.token()));
  }

  // The cases below each pin one decision of the store that an earlier mutation run found untested.

  @Test
  void addHandsBackTheGrantItStored() throws IOException {
    Grant grant = key("{\"grant_type\": \"api_key\", \"label\": \"a\"}").grant();
    assertSame(grant, GrantStore.inMemory().add(grant));
  }

  @Test
  void aRevocationIsOnDiskBeforeRevokeReturns() throws IOException {
    Grant grant = key("{\"grant_type\": \"api_key\", \"label\": \"r\"}").grant();
    try (GrantStore store = GrantStore.inDirectory(dir)) {
      store.add(grant);
      assertTrue(store.revoke(grant.grantId()).orElseThrow().revoked());
      // Read by a second reader while the first still runs: what a crash right now would leave.
      String onDisk = Files.readString(dir.resolve("grants.json"));
      assertTrue(onDisk.contains("\"revoked\" : true"), onDisk);
    }
  }

  @Test
  void revokingAnUnknownGrantChangesNothing() throws IOException {
    try (GrantStore store = GrantStore.inDirectory(dir)) {
      assertEquals(Optional.empty(), store.revoke("gr_unknown"));
      assertFalse(Files.exists(dir.resolve("grants.json")));
    }
  }

  @Test
  void theLatestUseWinsWhateverOrderUsesAreRecordedIn() throws IOException {
    Grant grant = key("{\"grant_type\": \"api_key\", \"label\": \"u\"}").grant();
    GrantStore store = GrantStore.inMemory();
    store.add(grant);
    store.markUsed(grant.grantId(), Instant.parse("2026-03-15T12:00:00Z"));
    store.markUsed(grant.grantId(), Instant.parse("2026-03-15T11:00:00Z"));
    assertEquals(
        Instant.parse("2026-03-15T12:00:00Z"),
        store.byId(grant.grantId()).orElseThrow().lastUsedAt());
    store.markUsed(grant.grantId(), Instant.parse("2026-03-15T13:00:00Z"));
    assertEquals(
        Instant.parse("2026-03-15T13:00:00Z"),
        store.byId(grant.grantId()).orElseThrow().lastUsedAt());
  }

  @Test
  void aUseAfterARestartIsNewerThanTheStoredOne() throws IOException {
    Grant grant = key("{\"grant_type\": \"api_key\", \"label\": \"s\"}").grant();
    try (GrantStore store = GrantStore.inDirectory(dir)) {
      store.add(grant);
      store.markUsed(grant.grantId(), Instant.parse("2026-03-15T11:00:00Z"));
    }
    try (GrantStore store = GrantStore.inDirectory(dir)) {
      assertEquals(
          Instant.parse("2026-03-15T11:00:00Z"),
          store.byId(grant.grantId()).orElseThrow().lastUsedAt());
      store.markUsed(grant.grantId(), Instant.parse("2026-03-15T10:30:00Z")); // older: ignored
      assertEquals(
          Instant.parse("2026-03-15T11:00:00Z"),
          store.byId(grant.grantId()).orElseThrow().lastUsedAt());
      store.markUsed(grant.grantId(), Instant.parse("2026-03-15T12:00:00Z"));
      assertEquals(
          Instant.parse("2026-03-15T12:00:00Z"),
          store.byId(grant.grantId()).orElseThrow().lastUsedAt());
    }
  }

  @Test
  void aFailedOpenReleasesTheDirectoryForTheNextTry() throws IOException {
    Files.writeString(dir.resolve("grants.json"), "not json");
    assertThrows(UncheckedIOException.class, () -> GrantStore.inDirectory(dir));
    Files.writeString(dir.resolve("grants.json"), "{\"format\": 1, \"grants\": []}");
    try (GrantStore store = GrantStore.inDirectory(dir)) {
      assertTrue(store.list().isEmpty());
    }
  }

  @Test
  void aDirectoryThatCannotBeMadeIsReportedWithItsPath() throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "");
    Path data = file.resolve("keys");
    UncheckedIOException error =
        assertThrows(UncheckedIOException.class, () -> GrantStore.inDirectory(data));
    assertTrue(
        error.getMessage().startsWith("cannot use data directory " + data + ": "),
        error.getMessage());
  }

  @Test
  void theCauseOfARefusalIsTheReasonItself() {
    try (GrantStore store = GrantStore.inDirectory(dir)) {
      UncheckedIOException error =
          assertThrows(UncheckedIOException.class, () -> GrantStore.inDirectory(dir));
      assertEquals("another server is using this data directory", error.getCause().getMessage());
    }
  }
}
