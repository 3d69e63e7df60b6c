package cloud.lightpane.cli.dist;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One process run as a user runs it, in a clean environment: only the variables given (no
 * JAVA_HOME, no LIGHTPANE_*, unless given), stdin from /dev/null, a bounded wait.
 */
record Command(int exit, String out, String err) {

  static Command run(Path cwd, Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    File out = File.createTempFile("lightpane-out", ".txt");
    File err = File.createTempFile("lightpane-err", ".txt");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(List.of(command))
              .directory(cwd.toFile())
              .redirectOutput(out)
              .redirectError(err)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      builder.environment().clear();
      builder.environment().putAll(env);
      Process process = builder.start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("timed out: " + String.join(" ", command));
      }
      return new Command(
          process.exitValue(),
          Files.readString(out.toPath(), StandardCharsets.UTF_8),
          Files.readString(err.toPath(), StandardCharsets.UTF_8));
    } finally {
      out.delete();
      err.delete();
    }
  }

  /** Runs a command that must succeed (tar, unzip, dpkg) and returns its stdout. */
  static String ok(Path cwd, String... command) throws IOException, InterruptedException {
    Command run = run(cwd, Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"), command);
    if (run.exit != 0) {
      throw new AssertionError(String.join(" ", command) + " failed: " + run);
    }
    return run.out;
  }
}
