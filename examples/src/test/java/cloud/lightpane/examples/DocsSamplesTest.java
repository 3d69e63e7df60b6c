package cloud.lightpane.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles every {@code ```java} block of the README and of {@code docs/*.md} against the client,
 * the reference server and JUnit, so that no sample in the documentation can rot. A block is a
 * whole compilation unit: imports and one public type.
 */
class DocsSamplesTest {
  private static final Pattern JAVA_BLOCK =
      Pattern.compile("^```java\\s*\\n(.*?)^```\\s*$", Pattern.DOTALL | Pattern.MULTILINE);
  private static final Pattern PUBLIC_TYPE =
      Pattern.compile(
          "^public\\s+(?:final\\s+|abstract\\s+)*(?:class|record|interface|enum)\\s+(\\w+)",
          Pattern.MULTILINE);
  private static final Pattern PACKAGE =
      Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

  @TempDir Path work;

  @TestFactory
  Stream<DynamicTest> everyJavaSampleCompiles() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    List<Path> pages = new ArrayList<>();
    pages.add(root.resolve("README.md"));
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Path page : pages) {
      String text = Files.readString(page);
      Matcher block = JAVA_BLOCK.matcher(text);
      int n = 0;
      while (block.find()) {
        n++;
        String source = block.group(1);
        int line =
            1 + (int) text.substring(0, block.start()).chars().filter(c -> c == '\n').count();
        String name = root.relativize(page) + ":" + line;
        int index = n;
        tests.add(DynamicTest.dynamicTest(name, () -> compile(name, source, page, index)));
      }
    }
    assertFalse(tests.isEmpty(), "no ```java samples found under " + root.resolve("docs"));
    return tests.stream();
  }

  private void compile(String name, String source, Path page, int index) throws IOException {
    Matcher type = PUBLIC_TYPE.matcher(source);
    assertTrue(type.find(), name + ": a java sample must declare one public type");
    Matcher pkg = PACKAGE.matcher(source);
    Path dir = work.resolve(page.getFileName() + "-" + index);
    Path file =
        dir.resolve(pkg.find() ? pkg.group(1).replace('.', '/') : "")
            .resolve(type.group(1) + ".java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, source);

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    boolean ok =
        javac
            .getTask(
                diagnostics,
                null,
                null,
                List.of(
                    "-proc:none",
                    "-classpath",
                    testClassPath(),
                    "-d",
                    dir.resolve("out").toString()),
                null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjects(file))
            .call();
    assertTrue(ok, name + " does not compile:\n" + diagnostics);
  }

  /** Surefire hides the test class path behind a manifest-only jar; it also publishes it here. */
  private static String testClassPath() {
    String path = System.getProperty("surefire.test.class.path");
    return path != null && !path.isBlank() ? path : System.getProperty("java.class.path");
  }
}
