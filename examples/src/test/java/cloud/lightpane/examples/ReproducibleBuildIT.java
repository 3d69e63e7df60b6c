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
    assertEquals(
        sha256(first), sha256(second), () -> name + " differs: " + differences(first, second));
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

  /** The entries whose name, time or content differ: what to look at when this test fails. */
  private static String differences(Path first, Path second) {
    try {
      return entryDifferences(first, second);
    } catch (IOException e) {
      return "the jars cannot be listed: " + e;
    }
  }

  private static String entryDifferences(Path first, Path second) throws IOException {
    Map<String, String> a = entries(first);
    Map<String, String> b = entries(second);
    List<String> differing = new ArrayList<>();
    for (String name : a.keySet()) {
      if (!a.get(name).equals(b.get(name))) {
        differing.add(name + " (" + a.get(name) + " vs " + b.getOrDefault(name, "missing") + ")");
      }
    }
    b.keySet().stream().filter(n -> !a.containsKey(n)).forEach(n -> differing.add(n + " (new)"));
    return differing.isEmpty()
        ? "same entries, times and contents (the zip's own headers or order differ)"
        : String.join("\n  ", differing.subList(0, Math.min(20, differing.size())));
  }

  private static Map<String, String> entries(Path jar) throws IOException {
    Map<String, String> entries = new TreeMap<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
        entries.put(entry.getName(), entry.getTime() + "/" + entry.getCrc());
      }
    }
    return entries;
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
