package cloud.lightpane.stub.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * An external program a test needs. On a developer's machine a missing one skips the test (the skip
 * names it); with {@code CI} set (any value but {@code false} or empty) it fails the test, so a CI
 * run cannot go green with whole classes skipped because an install went wrong.
 */
public final class RequiredTool {
  private RequiredTool() {}

  /**
   * The first of {@code candidates} that is an executable file: a bare name is looked up on {@code
   * PATH}, a name with a slash is taken as a path. Skips the test, or fails it under CI, when there
   * is none.
   */
  public static Path find(String what, String... candidates) {
    for (String candidate : candidates) {
      Path found = locate(candidate);
      if (found != null) {
        return found;
      }
    }
    String message = what + " is not installed (looked for " + String.join(", ", candidates) + ")";
    if (onCi()) {
      Assertions.fail(message + "; CI must install it (.ci/run does)");
    }
    Assumptions.abort(message);
    return null;
  }

  /** Whether the {@code CI} variable says this is a CI run. */
  public static boolean onCi() {
    String ci = System.getenv("CI");
    return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
  }

  private static Path locate(String candidate) {
    if (candidate.contains("/")) {
      Path path = Path.of(candidate);
      return Files.isExecutable(path) && !Files.isDirectory(path) ? path : null;
    }
    String searchPath = System.getenv().getOrDefault("PATH", "");
    for (String dir : List.of(searchPath.split(File.pathSeparator))) {
      if (!dir.isEmpty()) {
        Path path = Path.of(dir, candidate);
        if (Files.isExecutable(path) && !Files.isDirectory(path)) {
          return path;
        }
      }
    }
    return null;
  }
}
