package cloud.lightpane.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The published SDK on its own: the build stages the release into {@code target/staging-repo}
 * (maven-invoker-plugin's install, in the pre-integration-test phase, never into ~/.m2) and builds
 * {@code examples/consumer} against it, a project that knows LightPane only by the BOM's
 * coordinates. This test reads the result: the consumer's test ran a discovery against the
 * reference server from the stub's JUnit extension, and the staged artifacts carry what Maven
 * Central requires of each published module.
 */
class ConsumerProjectIT {
  private static final Path TARGET = Path.of("target").toAbsolutePath();
  private static final Path REPO = TARGET.resolve("staging-repo/cloud/lightpane");
  private static final String VERSION = System.getProperty("lightpane.version", "0.1.0-SNAPSHOT");

  private static Path artifact(String artifactId, String suffix) {
    return REPO.resolve(artifactId + "/" + VERSION + "/" + artifactId + "-" + VERSION + suffix);
  }

  private static Path attached(String artifactId, String suffix) {
    return TARGET
        .resolveSibling("../" + artifactId + "/target/" + artifactId + "-" + VERSION + suffix)
        .normalize();
  }

  private static Element pom(String artifactId) throws Exception {
    Path pom = artifact(artifactId, ".pom");
    assertTrue(Files.isRegularFile(pom), "staged: " + pom);
    Document document =
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    return document.getDocumentElement();
  }

  private static Element child(Element parent, String name) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        return element;
      }
    }
    return null;
  }

  private static String text(Element parent, String path) {
    Element element = parent;
    for (String name : path.split("/")) {
      element = element == null ? null : child(element, name);
    }
    return element == null ? null : element.getTextContent().strip();
  }

  @Test
  void theConsumerProjectDiscoveredRowsThroughThePublishedArtifacts() throws IOException {
    String log = Files.readString(TARGET.resolve("it/consumer/build.log"));
    assertTrue(log.contains("consumer: discovered 7 ec2 rows"), log);
    assertTrue(log.contains("Tests run: 1, Failures: 0, Errors: 0"), log);
    assertTrue(log.contains("BUILD SUCCESS"), log);
    // Resolved from the staged release, not from a reactor or a developer's ~/.m2.
    assertFalse(log.contains("/wt-") && log.contains("lightpane-client/target/classes"), log);
  }

  @ParameterizedTest
  @ValueSource(strings = {"lightpane-client", "lightpane-stub"})
  void eachPublishedJarHasItsSourcesAndJavadoc(String artifactId) throws IOException {
    String pkg = artifactId.equals("lightpane-client") ? "client" : "stub";
    try (ZipFile jar = new ZipFile(artifact(artifactId, ".jar").toFile())) {
      assertNotNull(jar.getEntry("cloud/lightpane/" + pkg + "/package-info.class"), artifactId);
    }
    // invoker:install stages main artifacts only: the attached jars are read where the module's
    // build attached them (what `mvn deploy` uploads beside the jar).
    try (ZipFile sources = new ZipFile(attached(artifactId, "-sources.jar").toFile())) {
      assertNotNull(sources.getEntry("cloud/lightpane/" + pkg + "/package-info.java"), artifactId);
    }
    try (ZipFile javadoc = new ZipFile(attached(artifactId, "-javadoc.jar").toFile())) {
      assertNotNull(javadoc.getEntry("index.html"), artifactId + " javadoc has an index");
      assertTrue(
          javadoc.stream().anyMatch(e -> e.getName().endsWith("/package-summary.html")),
          artifactId + " javadoc documents its packages");
    }
  }

  /** Central rejects a POM (its own or through its parent) without any of these. */
  @ParameterizedTest
  @ValueSource(
      strings = {"lightpane-client", "lightpane-stub", "lightpane-bom", "lightpane-parent"})
  void eachPublishedPomHasTheMetadataCentralRequires(String artifactId) throws Exception {
    Element pom = pom(artifactId);
    assertFalse(text(pom, "name").isBlank(), artifactId + " <name>");
    assertFalse(text(pom, "description").isBlank(), artifactId + " <description>");
    Element metadata = pom;
    String parent = text(pom, "parent/artifactId");
    if (parent != null) {
      // The parent is itself published (staged beside it), on the same version.
      assertEquals("lightpane-parent", parent, artifactId);
      assertEquals(VERSION, text(pom, "parent/version"), artifactId + "'s parent version");
      metadata = pom("lightpane-parent");
    }
    for (String required :
        List.of(
            "url",
            "licenses/license/name",
            "licenses/license/url",
            "developers/developer/name",
            "scm/connection",
            "scm/url")) {
      String value = text(pom, required) != null ? text(pom, required) : text(metadata, required);
      assertNotNull(value, artifactId + " <" + required + ">");
      assertFalse(value.isBlank(), artifactId + " <" + required + ">");
    }
    assertEquals("Apache-2.0", text(metadata, "licenses/license/name"), artifactId);
  }

  @Test
  void theBomManagesTheClientAndStubOnItsOwnVersionWithoutAParent() throws Exception {
    Element bom = pom("lightpane-bom");
    // An imported BOM brings its parent's dependency management along: it must have none.
    assertNull(child(bom, "parent"), "lightpane-bom has no parent");
    Element managed = child(child(bom, "dependencyManagement"), "dependencies");
    List<String> coordinates = new java.util.ArrayList<>();
    for (Node n = managed.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element dependency) {
        coordinates.add(
            text(dependency, "groupId")
                + ":"
                + text(dependency, "artifactId")
                + ":"
                + text(dependency, "version"));
      }
    }
    assertEquals(
        List.of(
            "cloud.lightpane:lightpane-client:" + VERSION,
            "cloud.lightpane:lightpane-stub:" + VERSION),
        coordinates.stream().map(c -> c.replace("${project.version}", VERSION)).toList());
  }
}
