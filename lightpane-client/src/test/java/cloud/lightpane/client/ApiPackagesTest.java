package cloud.lightpane.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The client's compiled classes depend on nothing of the CLI or the reference server (jdeps over
 * target/classes), and its module exports only the API packages.
 */
class ApiPackagesTest {
  private static final Path CLASSES = Path.of("target", "classes");

  @Test
  void theClientDependsOnNeitherTheCliNorTheStub() {
    assertTrue(Files.isDirectory(CLASSES), "run from the module directory: " + CLASSES);
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
    // The compiled module-info requires Jackson: hand jdeps Jackson's jars from the test's path.
    StringBuilder jackson = new StringBuilder();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      if (entry.contains("jackson")) {
        jackson.append(jackson.length() == 0 ? "" : java.io.File.pathSeparator).append(entry);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        jdeps.run(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            "-verbose:package",
            "--ignore-missing-deps",
            "--module-path",
            jackson.toString(),
            "--multi-release",
            "17",
            CLASSES.toString());
    String report = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
    List<String> edges = new ArrayList<>();
    for (String line : report.split("\n")) {
      if (line.contains("->")) {
        edges.add(line.strip());
      }
    }
    assertTrue(edges.size() > 10, "jdeps found the client's dependencies: " + report);
    for (String edge : edges) {
      String target = edge.substring(edge.indexOf("->") + 2).strip().split("\\s+")[0];
      assertTrue(
          !within(target, "cloud.lightpane.cli") && !within(target, "cloud.lightpane.stub"),
          "the client must not depend on the CLI or the stub: " + edge);
    }
  }

  private static boolean within(String pkg, String root) {
    return pkg.equals(root) || pkg.startsWith(root + ".");
  }

  @Test
  void theModuleExportsTheApiPackagesOnly() {
    Module module = LightPaneClient.class.getModule();
    if (!module.isNamed()) {
      // Tests run on the class path; read the descriptor the build compiled.
      module = null;
    }
    java.lang.module.ModuleDescriptor descriptor =
        module != null
            ? module.getDescriptor()
            : java.lang.module.ModuleFinder.of(CLASSES)
                .find("cloud.lightpane.client")
                .orElseThrow()
                .descriptor();
    List<String> exported = new ArrayList<>();
    descriptor.exports().forEach(e -> exported.add(e.source()));
    java.util.Collections.sort(exported);
    assertEquals(
        List.of(
            "cloud.lightpane.client",
            "cloud.lightpane.client.auth",
            "cloud.lightpane.client.config",
            "cloud.lightpane.client.discovery",
            "cloud.lightpane.client.keys"),
        exported);
    assertTrue(
        descriptor.requires().stream().noneMatch(r -> r.name().startsWith("cloud.lightpane.")),
        "the client's module requires no other LightPane module: " + descriptor.requires());
  }
}
