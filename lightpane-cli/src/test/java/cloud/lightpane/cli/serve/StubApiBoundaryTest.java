package cloud.lightpane.cli.serve;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.stub.StubServer;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.ModuleDescriptor;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The CLI runs from a shaded jar on the class path, where the reference server's module-info is not
 * enforced: this checks, with jdeps, that the CLI uses only the packages the server exports.
 */
class StubApiBoundaryTest {

  @Test
  void theCliUsesOnlyTheReferenceServersExportedPackages() throws Exception {
    Set<String> exported = exportedPackages();
    assertTrue(exported.contains("cloud.lightpane.stub"), "read the descriptor: " + exported);
    Path cliClasses =
        Path.of(ServeCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    StringWriter out = new StringWriter();
    int code =
        ToolProvider.findFirst("jdeps")
            .orElseThrow()
            .run(
                new PrintWriter(out),
                new PrintWriter(new StringWriter()),
                "-verbose:class",
                "-filter:none",
                cliClasses.toString());
    assertTrue(code == 0, "jdeps ran");
    Set<String> used = new TreeSet<>();
    Set<String> outside = new TreeSet<>();
    for (String line : out.toString().split("\n")) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length >= 3
          && parts[1].equals("->")
          && parts[2].startsWith("cloud.lightpane.stub.")) {
        String target = parts[2];
        String pkg = target.substring(0, target.lastIndexOf('.'));
        used.add(pkg);
        if (!exported.contains(pkg)) {
          outside.add(parts[0] + " -> " + target);
        }
      }
    }
    assertTrue(used.contains("cloud.lightpane.stub"), "jdeps saw the CLI's uses: " + used);
    assertTrue(outside.isEmpty(), "the CLI reaches into the server's internals: " + outside);
  }

  private static Set<String> exportedPackages() throws Exception {
    Path location =
        Path.of(StubServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Set<String> exported = new TreeSet<>();
    if (Files.isDirectory(location)) {
      read(location.resolve("module-info.class"), exported);
    } else if (Files.exists(location.resolveSibling("classes").resolve("module-info.class"))) {
      // In the reactor the stub's jar is the shaded one, which drops module-info.class; its
      // compiled classes sit beside it.
      read(location.resolveSibling("classes").resolve("module-info.class"), exported);
    } else {
      try (FileSystem jar =
          FileSystems.newFileSystem(URI.create("jar:" + location.toUri()), Map.of())) {
        read(jar.getPath("module-info.class"), exported);
      }
    }
    return exported;
  }

  private static void read(Path moduleInfo, Set<String> exported) throws Exception {
    try (InputStream in = Files.newInputStream(moduleInfo)) {
      for (ModuleDescriptor.Exports exports : ModuleDescriptor.read(in).exports()) {
        if (exports.targets().isEmpty()) {
          exported.add(exports.source());
        }
      }
    }
  }
}
