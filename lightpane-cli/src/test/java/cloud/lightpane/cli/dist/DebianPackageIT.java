package cloud.lightpane.cli.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .deb installed with {@code dpkg -i} on this machine, used, and removed with {@code dpkg -r},
 * leaving nothing behind. Needs root and dpkg: without them it is skipped on a laptop and fails on
 * CI ({@code CI=true}), where it must run.
 */
@EnabledOnOs(OS.LINUX)
class DebianPackageIT {
  private static final Path ROOT = Path.of("/");

  @TempDir Path home;

  private static void require(boolean condition, String why) {
    if (!condition) {
      if (Release.CI) {
        fail("CI=true but the .deb cannot be tested: " + why);
      }
      Assumptions.abort(why);
    }
  }

  @Test
  void installsRunsAndRemovesWithoutATrace() throws Exception {
    require(Files.isExecutable(Path.of("/usr/bin/dpkg")), "dpkg is not installed");
    require("0\n".equals(Command.ok(ROOT, "id", "-u")), "installing a .deb needs root");
    require(Files.isRegularFile(Release.DEB), "no .deb was built (dpkg-deb missing?)");
    Command status = Command.run(ROOT, Map.of("PATH", "/usr/bin:/bin"), "dpkg", "-s", "lightpane");
    require(status.exit() != 0, "a lightpane package is installed already; not touching it");

    List<Path> files = new ArrayList<>();
    for (String entry :
        Command.ok(
                ROOT,
                "bash",
                "-c",
                "dpkg-deb --fsys-tarfile \"$0\" | tar -t | grep -v '/$'",
                Release.DEB.toString())
            .lines()
            .toList()) {
      files.add(ROOT.resolve(entry.replaceFirst("^\\./", "")));
    }
    assertTrue(files.contains(Path.of("/usr/bin/lightpane")), files.toString());
    assertTrue(files.contains(Path.of("/usr/share/man/man1/lightpane.1.gz")), files.toString());
    assertTrue(
        files.contains(Path.of("/usr/share/bash-completion/completions/lightpane")),
        files.toString());
    assertTrue(
        files.contains(Path.of("/usr/share/zsh/vendor-completions/_lightpane")), files.toString());

    Command.ok(ROOT, "dpkg", "-i", Release.DEB.toString());
    try {
      for (Path file : files) {
        assertTrue(Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS), file.toString());
      }
      Map<String, String> env =
          Map.of(
              "PATH", "/usr/bin:/bin",
              "HOME", home.toString(),
              "LIGHTPANE_CONFIG_DIR", home.resolve("config").toString());
      Command csv = Release.s3Csv(home, env, "/usr/bin/lightpane");
      Release.assertDemoCsv(csv);
      if (Files.isExecutable(Path.of("/usr/bin/man"))) {
        assertEquals(
            "/usr/share/man/man1/lightpane.1.gz\n", Command.ok(home, "man", "-w", "lightpane"));
      }
    } finally {
      Command.ok(ROOT, "dpkg", "-r", "lightpane");
    }
    for (Path file : files) {
      assertFalse(Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS), file + " is left");
    }
    assertFalse(Files.exists(Path.of("/usr/lib/lightpane")), "/usr/lib/lightpane is left");
    Command after = Command.run(ROOT, Map.of("PATH", "/usr/bin:/bin"), "dpkg", "-s", "lightpane");
    assertTrue(
        after.exit() != 0 || !after.out().contains("Status: install"),
        "dpkg still knows lightpane: " + after);
  }
}
