package cloud.lightpane.stub.fence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.stub.StubServer;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The reference server's fence: what the module exports, and no cycle between its packages. */
class ModuleFenceTest {

  private static Path classes() throws Exception {
    return Path.of(StubServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  @Test
  void exportsOnlyTheServerTheInventoryTypesAndTheExtension() throws Exception {
    ModuleDescriptor descriptor;
    try (InputStream in = Files.newInputStream(classes().resolve("module-info.class"))) {
      descriptor = ModuleDescriptor.read(in);
    }
    assertEquals("cloud.lightpane.stub", descriptor.name());
    Set<String> exported = new TreeSet<>();
    for (ModuleDescriptor.Exports exports : descriptor.exports()) {
      assertTrue(exports.targets().isEmpty(), "no qualified export: " + exports);
      exported.add(exports.source());
    }
    assertEquals(
        Set.of(
            "cloud.lightpane.stub", "cloud.lightpane.stub.inventory", "cloud.lightpane.stub.junit"),
        exported);
    assertTrue(descriptor.opens().isEmpty(), "nothing opened: " + descriptor.opens());
  }

  @Test
  void noCycleBetweenTheServersPackages() throws Exception {
    PackageGraph graph = PackageGraph.ofClasses(classes(), "cloud.lightpane.stub");
    assertTrue(
        graph.edges.containsKey("cloud.lightpane.stub.internal.http"),
        "jdeps saw the packages: " + graph.edges);
    assertEquals(List.of(), graph.cycle(), "a package cycle");
  }

  @Test
  void internalPackagesNeverReachBackToThePublicServer() throws Exception {
    PackageGraph graph = PackageGraph.ofClasses(classes(), "cloud.lightpane.stub");
    graph.edges.forEach(
        (from, to) -> {
          if (from.startsWith("cloud.lightpane.stub.internal")) {
            assertTrue(
                !to.contains("cloud.lightpane.stub") && !to.contains("cloud.lightpane.stub.junit"),
                from + " -> " + to);
          }
        });
  }

  @Test
  void theCycleFinderFindsACycleAndNamesItsPackages() {
    PackageGraph graph = new PackageGraph();
    graph.add("a", "b");
    graph.add("b", "c");
    graph.add("c", "d");
    graph.add("d", "b");
    graph.add("a", "a");
    assertEquals(List.of("b", "c", "d", "b"), graph.cycle());
    PackageGraph tree = new PackageGraph();
    tree.add("a", "b");
    tree.add("a", "c");
    tree.add("b", "c");
    assertEquals(List.of(), tree.cycle());
  }
}
