package cloud.lightpane.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reproducible builds (issue 9): the published jars built a second time, from a copy of the same
 * sources in another directory, at another time, are byte for byte the jars this build made. A user
 * (or Maven Central's reproducible-central) who rebuilds a release gets the bytes we uploaded; that
 * holds only while {@code project.build.outputTimestamp} pins every entry's time and nothing else
 * (a path, a date in the Javadoc, a map's order) leaks into an artifact.
 *
 * <p>The second build runs offline: the first one, this reactor, has just resolved every plugin it
 * needs.
 */
class ReproducibleBuildIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final String VERSION = System.getProperty("lightpane.version", "0.1.0-SNAPSHOT");
  private static final Set<String> SKIPPED = Set.of("target", ".git", "node_modules");
  private static Path copy;

  @BeforeAll
  static void buildAgainFromACopy() throws Exception {
    copy = Files.createTempDirectory("lightpane-rebuild");
    copyTree(ROOT, copy);
    Path log = copy.resolve("rebuild.log");
    Process build =
        new ProcessBuilder(
                copy.resolve("mvnw").toString(),
                "-B",
                "-q",
                "-o",
                "package",
                "-DskipTests",
                "-Dspotless.check.skip=true",
                "-pl",
                "lightpane-client,lightpane-stub",
                "-am")
            .directory(copy.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
    if (!build.waitFor(15, TimeUnit.MINUTES)) {
      build.destroyForcibly();
      throw new AssertionError("the second build did not end within 15 minutes: " + tail(log));
    }
    assertEquals(0, build.exitValue(), () -> "the second build failed:\n" + tail(log));
  }

  @AfterAll
  static void removeTheCopy() throws IOException {
    if (copy != null) {
      try (Stream<Path> paths = Files.walk(copy)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @ParameterizedTest(name = "{0}{1}")
  @CsvSource({
    "lightpane-client, .jar",
    "lightpane-client, -sources.jar",
    "lightpane-client, -javadoc.jar",
    "lightpane-stub, .jar",
    "lightpane-stub, -sources.jar",
    "lightpane-stub, -javadoc.jar"
  })
  void aSecondBuildGivesTheSameBytes(String module, String suffix) throws Exception {
    String name = module + "-" + VERSION + suffix;
    Path first = ROOT.resolve(module).resolve("target").resolve(name);
    Path second = copy.resolve(module).resolve("target").resolve(name);
    assertTrue(Files.isRegularFile(first), "this build made " + first);
    assertTrue(Files.isRegularFile(second), "the second build made " + second);
    if (!sha256(first).equals(sha256(second))) {
      Path kept = keep(second);
      throw new AssertionError(
          name
              + " is not byte-identical when built again from a copy of the sources: "
              + differences(first, second)
              + "\n  This build's jar: "
              + first
              + "\n  The second build's: "
              + kept
              + "\n  Compare them with `unzip -Z1` (entry order) and `zipinfo -v` (headers), then"
              + " look in "
              + module
              + "/pom.xml for what writes that jar or adds to it (a generated file with a time, a"
              + " path or a map's order; a shade or assembly step); if this build was not clean,"
              + " try `./mvnw clean` first: a stale target/ can differ.");
    }
  }

  /** The second build's jar, kept beside this module's reports: the copy it lives in is removed. */
  private static Path keep(Path second) throws IOException {
    Path dir = Path.of("target", "reproducible-build").toAbsolutePath();
    Files.createDirectories(dir);
    return Files.copy(
        second, dir.resolve(second.getFileName()), StandardCopyOption.REPLACE_EXISTING);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            if (!dir.equals(from) && SKIPPED.contains(dir.getFileName().toString())) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            Files.createDirectories(to.resolve(from.relativize(dir).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.copy(
                file,
                to.resolve(from.relativize(file).toString()),
                StandardCopyOption.COPY_ATTRIBUTES);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[65536];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** What differs between the two jars: entries, then their order, then their headers. */
  private static String differences(Path first, Path second) {
    try {
      return entryDifferences(first, second);
    } catch (IOException e) {
      return "the jars cannot be listed: " + e;
    }
  }

  private static String entryDifferences(Path first, Path second) throws IOException {
    List<ZipEntry> inFirst = entries(first);
    List<ZipEntry> inSecond = entries(second);
    Map<String, String> a = contents(inFirst);
    Map<String, String> b = contents(inSecond);
    List<String> differing = new ArrayList<>();
    for (String name : a.keySet()) {
      if (!a.get(name).equals(b.get(name))) {
        differing.add(name + " (" + a.get(name) + " vs " + b.getOrDefault(name, "missing") + ")");
      }
    }
    b.keySet().stream().filter(n -> !a.containsKey(n)).forEach(n -> differing.add(n + " (new)"));
    if (!differing.isEmpty()) {
      return differing.size()
          + " entries differ in time/CRC (first 20):\n  "
          + String.join("\n  ", differing.subList(0, Math.min(20, differing.size())));
    }
    for (int i = 0; i < inFirst.size(); i++) {
      String one = inFirst.get(i).getName();
      String other = inSecond.get(i).getName();
      if (!one.equals(other)) {
        return "same entries, times and CRCs, in another order: entry "
            + (i + 1)
            + " is "
            + one
            + " here and "
            + other
            + " in the second build";
      }
    }
    for (int i = 0; i < inFirst.size(); i++) {
      String one = header(inFirst.get(i));
      String other = header(inSecond.get(i));
      if (!one.equals(other)) {
        return "same entries in the same order; the headers of "
            + inFirst.get(i).getName()
            + " differ ("
            + one
            + " vs "
            + other
            + ")";
      }
    }
    return "same entries, order and entry headers (the zip's other bytes differ: external"
        + " attributes, comment or central directory)";
  }

  private static List<ZipEntry> entries(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.stream().map(ZipEntry.class::cast).toList();
    }
  }

  private static Map<String, String> contents(List<ZipEntry> entries) {
    Map<String, String> contents = new TreeMap<>();
    for (ZipEntry entry : entries) {
      contents.put(entry.getName(), "time " + entry.getTime() + ", CRC " + entry.getCrc());
    }
    return contents;
  }

  private static String header(ZipEntry entry) {
    byte[] extra = entry.getExtra();
    return "method "
        + entry.getMethod()
        + ", compressed "
        + entry.getCompressedSize()
        + ", extra "
        + (extra == null ? "none" : HexFormat.of().formatHex(extra))
        + ", comment "
        + entry.getComment();
  }

  private static String tail(Path log) {
    List<String> lines;
    try {
      lines = Files.readAllLines(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }
}
