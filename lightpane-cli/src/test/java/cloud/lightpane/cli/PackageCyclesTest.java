package cloud.lightpane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/** The CLI's packages, as jdeps reads them from the built classes, form no cycle. */
class PackageCyclesTest {
  private static final String ROOT = "cloud.lightpane.cli";

  @Test
  void theBuiltClassesHaveNoPackageCycle() throws Exception {
    Map<String, Set<String>> graph = dependencies();
    assertTrue(graph.containsKey(ROOT + ".kernel"), "jdeps saw the kernel: " + graph);
    assertEquals(List.of(), cycle(graph), "a package cycle");
  }

  @Test
  void onlyTheBuildTimeGeneratorDependsOnTheRoot() throws Exception {
    Map<String, Set<String>> graph = dependencies();
    for (Map.Entry<String, Set<String>> from : graph.entrySet()) {
      if (!from.getKey().equals(ROOT + ".buildtime")) {
        assertTrue(!from.getValue().contains(ROOT), from.getKey() + " depends on the root");
      }
    }
  }

  @Test
  void theCycleFinderFindsAndNamesACycle() {
    Map<String, Set<String>> graph = new TreeMap<>();
    graph.put("a", Set.of("b"));
    graph.put("b", Set.of("c"));
    graph.put("c", Set.of("a"));
    graph.put("d", Set.of("a"));
    assertEquals(List.of("a", "b", "c", "a"), cycle(graph));
    graph.put("c", Set.of());
    assertEquals(List.of(), cycle(graph));
  }

  /** Package to the CLI packages it uses, from {@code jdeps -verbose:package target/classes}. */
  private static Map<String, Set<String>> dependencies() throws Exception {
    Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
    StringWriter out = new StringWriter();
    int code =
        jdeps.run(
            new PrintWriter(out),
            new PrintWriter(new StringWriter()),
            "-verbose:package",
            classes.toString());
    assertEquals(0, code, out.toString());
    Map<String, Set<String>> graph = new TreeMap<>();
    for (String line : out.toString().split("\n")) {
      String[] words = line.trim().split("\\s+");
      if (words.length >= 3 && words[1].equals("->") && inCli(words[0]) && inCli(words[2])) {
        if (!words[0].equals(words[2])) {
          graph.computeIfAbsent(words[0], k -> new TreeSet<>()).add(words[2]);
        }
      }
    }
    return graph;
  }

  private static boolean inCli(String name) {
    return name.equals(ROOT) || name.startsWith(ROOT + ".");
  }

  /** The first cycle found by a depth-first walk, as a path that ends where it starts; or none. */
  static List<String> cycle(Map<String, Set<String>> graph) {
    Set<String> done = new TreeSet<>();
    for (String start : graph.keySet()) {
      List<String> path = new ArrayList<>();
      List<String> found = walk(graph, start, path, done);
      if (!found.isEmpty()) {
        return found;
      }
    }
    return List.of();
  }

  private static List<String> walk(
      Map<String, Set<String>> graph, String node, List<String> path, Set<String> done) {
    int at = path.indexOf(node);
    if (at >= 0) {
      List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
      cycle.add(node);
      return cycle;
    }
    if (done.contains(node)) {
      return List.of();
    }
    path.add(node);
    for (String next : graph.getOrDefault(node, Set.of())) {
      List<String> found = walk(graph, next, path, done);
      if (!found.isEmpty()) {
        return found;
      }
    }
    path.remove(path.size() - 1);
    done.add(node);
    return List.of();
  }
}
