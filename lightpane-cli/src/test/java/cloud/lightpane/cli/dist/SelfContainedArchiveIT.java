package cloud.lightpane.cli.dist;

import static cloud.lightpane.cli.dist.Release.VERSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-contained archive as a user meets it: extracted somewhere other than where it was built,
 * reached through a symbolic link on the PATH, run from another directory, on a machine whose
 * {@code java} fails on purpose and with no JAVA_HOME.
 */
@EnabledOnOs(OS.LINUX)
class SelfContainedArchiveIT {
  private static final String NAME = "lightpane-" + VERSION + "-linux-x64";

  @TempDir static Path machine;
  private static Path install;
  private static Path bin;

  @BeforeAll
  static void extract() throws Exception {
    Path opt = Files.createDirectories(machine.resolve("opt"));
    Command.ok(opt, "tar", "-xzf", Release.TARBALL.toString());
    install = opt.resolve(NAME);
    bin = Files.createDirectories(machine.resolve("bin"));
    Path fakeJava = bin.resolve("java");
    Files.writeString(fakeJava, "#!/bin/sh\necho 'the java on the PATH was run' >&2\nexit 99\n");
    Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createSymbolicLink(bin.resolve("lightpane"), install.resolve("bin/lightpane"));
  }

  private static Map<String, String> userEnv(String... more) throws IOException {
    Path home = Files.createDirectories(machine.resolve("home"));
    Map<String, String> env = new java.util.HashMap<>();
    env.put("PATH", bin + ":/usr/bin:/bin");
    env.put("HOME", home.toString());
    env.put("LIGHTPANE_CONFIG_DIR", home.resolve("config").toString());
    for (int i = 0; i < more.length; i += 2) {
      env.put(more[i], more[i + 1]);
    }
    return env;
  }

  /** The symbolic link on the PATH (by its path: a child's PATH does not choose the program). */
  private static String onPath() {
    return bin.resolve("lightpane").toString();
  }

  private static String listing(Path dir) throws Exception {
    return Command.ok(dir, "find", ".", "-printf", "%p %s %T@\\n");
  }

  @Test
  void runsWithoutAnyJavaOnTheMachineFromAReadOnlyInstall() throws Exception {
    Path cwd = Files.createDirectories(machine.resolve("somewhere/else"));
    Command.ok(machine, "chmod", "-R", "a-w", install.toString());
    String before = listing(install);
    try {
      Command version = Command.run(cwd, userEnv(), onPath(), "--version");
      assertEquals(new Command(0, "lightpane " + VERSION + "\n", ""), version);

      // -Xshare:on makes the JVM fail unless the build-time class-data archive maps here, far from
      // where it was made: the first run is as fast as the hundredth.
      Command csv = Release.s3Csv(cwd, userEnv("LIGHTPANE_JAVA_OPTS", "-Xshare:on"), onPath());
      Release.assertDemoCsv(csv);
    } finally {
      Command.ok(machine, "chmod", "-R", "u+w", install.toString());
    }
    assertEquals(
        before.replace(" 555\n", "\n"),
        listing(install).replace(" 755\n", "\n"),
        "nothing in the install changed");
  }

  @Test
  void holdsTheRuntimeTheJarTheArchiveTheManPagesAndTheCompletion() throws Exception {
    for (String file :
        List.of(
            "bin/lightpane",
            "runtime/bin/java",
            "lib/lightpane.jar",
            "lib/lightpane.jsa",
            "share/man/man1/lightpane.1",
            "share/man/man1/lightpane-discover.1",
            "share/bash-completion/completions/lightpane",
            "share/zsh/site-functions/_lightpane",
            "LICENSE",
            "NOTICE")) {
      assertTrue(Files.isRegularFile(install.resolve(file)), file);
    }
    String release = Files.readString(install.resolve("runtime/release"));
    assertTrue(release.contains("java.net.http"), release);
    assertFalse(release.contains("java.desktop"), "no AWT/Swing in the runtime: " + release);
    assertTrue(
        Files.size(Release.TARBALL) <= 35L * 1024 * 1024,
        "at most 35 MiB: " + Files.size(Release.TARBALL));
  }

  @Test
  void sha256sumsListsTheThreeArchives() throws Exception {
    StringBuilder expected = new StringBuilder();
    for (Path archive : List.of(Release.TARBALL, Release.ZIP, Release.DEB)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      String hex = HexFormat.of().formatHex(sha.digest(Files.readAllBytes(archive)));
      expected.append(hex).append("  ").append(archive.getFileName()).append('\n');
    }
    List<String> sorted = expected.toString().lines().sorted().toList();
    List<String> actual =
        Files.readString(Release.DIST.resolve("SHA256SUMS"), StandardCharsets.UTF_8)
            .lines()
            .sorted()
            .toList();
    assertEquals(sorted, actual);
    assertTrue(
        Files.isRegularFile(Release.DIST.resolve("lightpane-cli-" + VERSION + "-cyclonedx.json")));
    assertTrue(
        Files.isRegularFile(
            Release.DIST.resolve("lightpane-client-" + VERSION + "-cyclonedx.json")));
  }

  private static Path damagedCopy(String name) throws Exception {
    Path copy = machine.resolve("damaged-" + name);
    Command.ok(machine, "cp", "-a", install.toString(), copy.toString());
    return copy;
  }

  private static Command version(Path copy) throws Exception {
    return version(copy, userEnv());
  }

  private static Command version(Path copy, Map<String, String> env) throws Exception {
    return Command.run(machine, env, copy.resolve("bin/lightpane").toString(), "--version");
  }

  @Test
  void aMissingRuntimeFileIsNamedInOneLine() throws Exception {
    Path copy = damagedCopy("runtime");
    Files.delete(copy.resolve("runtime/lib/modules"));
    Command run = version(copy);
    assertEquals(1, run.exit(), run.toString());
    assertEquals("", run.out());
    assertEquals(
        "lightpane: the Java runtime of this install is missing or damaged ("
            + copy
            + "/runtime/lib/modules); reinstall lightpane (see"
            + " https://github.com/lightpane/lightpane-java/blob/main/docs/install.md)\n",
        run.err());
  }

  @Test
  void aTruncatedJarIsNamedInOneLine() throws Exception {
    Path copy = damagedCopy("jar");
    try (RandomAccessFile jar =
        new RandomAccessFile(copy.resolve("lib/lightpane.jar").toFile(), "rw")) {
      jar.setLength(jar.length() / 2);
    }
    Command run = version(copy);
    assertEquals(1, run.exit(), run.toString());
    assertEquals("", run.out());
    assertEquals(
        "lightpane: this install is damaged: "
            + copy
            + "/lib/lightpane.jar is missing or damaged; reinstall lightpane (see"
            + " https://github.com/lightpane/lightpane-java/blob/main/docs/install.md)\n",
        run.err());
  }

  @Test
  void aTruncatedClassDataArchiveIsNamedAndTheCommandStillRuns() throws Exception {
    Path copy = damagedCopy("jsa");
    try (RandomAccessFile jsa =
        new RandomAccessFile(copy.resolve("lib/lightpane.jsa").toFile(), "rw")) {
      jsa.setLength(100_000);
    }
    Command run = version(copy);
    assertEquals(0, run.exit(), run.toString());
    assertEquals("lightpane " + VERSION + "\n", run.out());
    assertEquals(
        "lightpane: the class-data archive "
            + copy
            + "/lib/lightpane.jsa is missing or damaged, so start-up is slower; reinstall lightpane"
            + " (see https://github.com/lightpane/lightpane-java/blob/main/docs/install.md)\n",
        run.err());
  }

  @Test
  void aCorruptArchiveOfTheRightSizeOnlyCostsSpeed() throws Exception {
    Path copy = damagedCopy("jsa-bytes");
    // Without the JVM's checksum check, garbage here crashes the JVM while it maps the archive.
    corruptInPlace(copy);
    Command csv = s3Csv(copy, userEnv());
    Release.assertDemoCsv(csv);
  }

  /** Writes random bytes over a third of the archive, keeping its size (and the file itself). */
  private static void corruptInPlace(Path copy) throws IOException {
    try (RandomAccessFile jsa =
        new RandomAccessFile(copy.resolve("lib/lightpane.jsa").toFile(), "rw")) {
      jsa.seek(jsa.length() / 3);
      byte[] garbage = new byte[400_000];
      new java.util.Random(7).nextBytes(garbage);
      jsa.write(garbage);
    }
  }

  private static Command s3Csv(Path copy, Map<String, String> env) throws Exception {
    return Release.s3Csv(machine, env, copy.resolve("bin/lightpane").toString());
  }

  @Test
  void anArchiveDamagedAfterItsChecksumWasCheckedOnlyCostsSpeed() throws Exception {
    // The launcher checks the archive's checksum once per user and file, then trusts the record:
    // a write into the file after that must still be caught.
    Path copy = damagedCopy("jsa-later");
    Map<String, String> env = userEnv("XDG_CACHE_HOME", machine.resolve("cache-later").toString());
    assertEquals(new Command(0, "lightpane " + VERSION + "\n", ""), version(copy, env));
    corruptInPlace(copy);
    Command csv = s3Csv(copy, env);
    Release.assertDemoCsv(csv);
  }

  @Test
  void aCorruptArchiveWithNoCacheToWriteOnlyCostsSpeed() throws Exception {
    Path copy = damagedCopy("jsa-no-cache");
    // A cache "directory" that is a file: no record can be written (even by root), so every run
    // has the JVM check the archive's checksum as it maps it.
    Path notADirectory = Files.writeString(machine.resolve("cache-is-a-file"), "");
    corruptInPlace(copy);
    Command csv = s3Csv(copy, userEnv("XDG_CACHE_HOME", notADirectory.toString()));
    Release.assertDemoCsv(csv);
  }
}
