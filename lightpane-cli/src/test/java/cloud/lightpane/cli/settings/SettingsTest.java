package cloud.lightpane.cli.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.client.config.ProfileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  @TempDir Path dir;

  @Test
  void flagBeatsEnvironmentBeatsProfileBeatsDefault() throws Exception {
    ProfileStore store = new ProfileStore(dir);
    store.write(
        "default",
        Map.of("base_url", "http://profile.example", "region", "us-east-1", "retries", "5"));
    Map<SettingKey, String> flags = new EnumMap<>(SettingKey.class);
    flags.put(SettingKey.BASE_URL, "http://flag.example");
    Map<String, String> env =
        Map.of("LIGHTPANE_BASE_URL", "http://env.example", "LIGHTPANE_REGION", "eu-west-2");

    Settings settings =
        Settings.resolve(null, flags, Map.of(SettingKey.BASE_URL, "--base-url"), env, store, true);

    assertEquals("http://flag.example", settings.get(SettingKey.BASE_URL));
    assertEquals("--base-url", settings.source(SettingKey.BASE_URL));
    assertEquals("eu-west-2", settings.get(SettingKey.REGION));
    assertEquals("LIGHTPANE_REGION", settings.source(SettingKey.REGION));
    assertEquals("5", settings.get(SettingKey.RETRIES));
    assertTrue(settings.source(SettingKey.RETRIES).startsWith("profile 'default'"));
    assertEquals("table", settings.get(SettingKey.OUTPUT));
    assertEquals("default", settings.source(SettingKey.OUTPUT));
  }

  @Test
  void aNamedProfileThatDoesNotExistIsAnErrorThatSaysHowToCreateIt() {
    ProfileStore store = new ProfileStore(dir);
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Settings.resolve(
                    null, Map.of(), Map.of(), Map.of("LIGHTPANE_PROFILE", "prodd"), store, true));
    assertTrue(error.getMessage().contains("No profile 'prodd'"), error.getMessage());
    assertTrue(error.getMessage().contains("lightpane config set --profile prodd"));
  }

  @Test
  void aBadValueNamesItsSource() {
    ProfileStore store = new ProfileStore(dir);
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Settings.resolve(
                    null, Map.of(), Map.of(), Map.of("LIGHTPANE_TIMEOUT", "soon"), store, true));
    assertTrue(error.getMessage().contains("LIGHTPANE_TIMEOUT"), error.getMessage());
  }

  @Test
  void profilesAreWrittenOwnerOnlyAndReadBack() throws Exception {
    ProfileStore store = new ProfileStore(dir.resolve("lightpane"));
    store.write("work", Map.of("session", "abc=def:ghi", "region", "eu west"));
    assertEquals(Map.of("session", "abc=def:ghi", "region", "eu west"), store.read("work"));
    Path file = store.file("work");
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      assertEquals(
          Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
          Files.getPosixFilePermissions(file));
      assertEquals(
          Set.of(
              PosixFilePermission.OWNER_READ,
              PosixFilePermission.OWNER_WRITE,
              PosixFilePermission.OWNER_EXECUTE),
          Files.getPosixFilePermissions(file.getParent()));
    }
    assertEquals(java.util.List.of("work"), store.profiles());
  }

  @Test
  void profileNamesCannotEscapeTheDirectory() {
    assertThrows(IllegalArgumentException.class, () -> ProfileStore.checkName("../etc"));
    assertThrows(IllegalArgumentException.class, () -> ProfileStore.checkName("a/b"));
  }

  @Test
  void durationsReadAsPeopleWriteThem() {
    assertEquals(Duration.ofSeconds(30), SettingKey.duration("30s"));
    assertEquals(Duration.ofMillis(500), SettingKey.duration("500ms"));
    assertEquals(Duration.ofMinutes(2), SettingKey.duration("2m"));
    assertEquals(Duration.ofSeconds(7), SettingKey.duration("7"));
    assertEquals(null, SettingKey.duration("0"));
    assertEquals(null, SettingKey.duration("fast"));
  }
}
