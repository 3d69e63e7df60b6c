package cloud.lightpane.stub.fence;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/** The package dependencies jdeps finds in a directory of classes, and the cycles among them. */
final class PackageGraph {
  final Map<String, Set<String>> edges = new TreeMap<>();

  /** The edges between packages starting with {@code prefix}, as jdeps reports them. */
  static PackageGraph ofClasses(Path classes, String prefix) throws IOException {
    // Without module-info.class jdeps reads the directory as plain classes and does not need the
    // module's requirements (Jackson, JUnit) resolved.
    Path copy = Files.createTempDirectory("jdeps-classes");
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = copy.resolve(classes.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else if (file.toString().endsWith(".class")
            && !file.getFileName().toString().equals("module-info.class")) {
          Files.copy(file, target);
        }
      }
    }
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        jdeps.run(
            new PrintWriter(out),
            new PrintWriter(err),
            "--multi-release",
            "17",
            "-verbose:package",
            "-filter:none",
            copy.toString());
    if (code != 0) {
      throw new IllegalStateException("jdeps failed (" + code + "): " + err);
    }
    PackageGraph graph = new PackageGraph();
    for (String line : out.toString().split("\n")) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length >= 3
          && parts[1].equals("->")
          && parts[0].startsWith(prefix)
          && parts[2].startsWith(prefix)) {
        graph.add(parts[0], parts[2]);
      }
    }
    return graph;
  }

  void add(String from, String to) {
    if (!from.equals(to)) {
      edges.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
    }
  }

  /** One cycle as its packages, the first repeated at the end, or an empty list if none. */
  List<String> cycle() {
    Set<String> done = new TreeSet<>();
    for (String start : edges.keySet()) {
      List<String> found = walk(start, new ArrayList<>(), done);
      if (!found.isEmpty()) {
        return found;
      }
    }
    return List.of();
  }

  private List<String> walk(String node, List<String> path, Set<String> done) {
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
    for (String next : edges.getOrDefault(node, Set.of())) {
      List<String> found = walk(next, path, done);
      if (!found.isEmpty()) {
        return found;
      }
    }
    path.remove(path.size() - 1);
    done.add(node);
    return List.of();
  }
}
