package cloud.lightpane.cli.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.cli.terminal.RequiredTool;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command in a {@code ```console} block of README.md and docs/*.md runs as shown, with the
 * output shown (the convention: docs/CONTRIBUTING-docs.md). Each command runs in bash, stdout and
 * stderr together, in an empty working directory where {@code ./lightpane}, {@code examples/} and
 * the modules' {@code target/} folders are the clone's, and {@code lightpane} on the PATH is the
 * clone's launcher; no {@code LIGHTPANE_*} variable is set but an empty config directory. Runs in
 * the integration-test phase, after {@code package}, so the launcher finds its jar fresh.
 */
@DisabledOnOs(OS.WINDOWS)
class DocsCommandsIT {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final int SECONDS_PER_COMMAND = 120;

  @TempDir Path temp;

  /**
   * The links into the clone go before JUnit deletes the temporary folder (which warns on each).
   */
  @AfterEach
  void removeLinks() throws IOException {
    try (Stream<Path> all = Files.walk(temp)) {
      for (Path link : all.filter(Files::isSymbolicLink).toList()) {
        Files.delete(link);
      }
    }
  }

  @Test
  void everyDocumentedCommandPrintsWhatTheDocShows() throws Exception {
    Path work = workingDirectory();
    List<ConsoleBlocks.Block> blocks = allBlocks();
    List<String> drifts = new ArrayList<>();
    List<String> notRun = new ArrayList<>();
    int commands = 0;
    for (ConsoleBlocks.Block block : blocks) {
      if (!block.runs()) {
        notRun.add(block.where() + " (" + block.noRunReason().orElseThrow() + ")");
        continue;
      }
      List<String> exports = new ArrayList<>();
      for (ConsoleBlocks.Command command : block.commands()) {
        if (command.text().startsWith("export ")) {
          exports.add(command.text());
          continue;
        }
        commands++;
        requireToolsOf(command.text());
        Run run = run(work, exports, command.text());
        String where = block.file() + ":" + command.line() + ": $ " + command.text();
        if (command.expected().isEmpty()) {
          if (run.exit != 0) {
            drifts.add(where + "\n  shows no output, so it must exit 0; " + run);
          }
        } else if (!OutputMatch.matches(command.expected(), run.lines())) {
          drifts.add(
              where
                  + "\n--- the doc shows\n"
                  + String.join("\n", command.expected())
                  + "\n--- the command printed (exit "
                  + run.exit
                  + ")\n"
                  + run.output);
        }
      }
    }
    System.out.println(
        "ran "
            + commands
            + " documented commands; "
            + notRun.size()
            + " console blocks marked no-run:\n  "
            + String.join("\n  ", notRun));
    assertTrue(commands > 0, "no console block was found to run: is the runner reading docs/?");
    assertEquals(
        List.of(),
        drifts,
        drifts.size()
            + " documented command(s) drift from the docs:\n"
            + String.join("\n\n", drifts));
  }

  @Test
  void aBlockThatIsNotRunSaysWhy() throws Exception {
    List<String> silent = new ArrayList<>();
    for (ConsoleBlocks.Block block : allBlocks()) {
      if (!block.runs() && block.noRunReason().orElseThrow().isBlank()) {
        silent.add(block.where());
      }
    }
    assertEquals(List.of(), silent, "write the reason after no-run: ```console no-run: needs ...");
  }

  private static List<ConsoleBlocks.Block> allBlocks() throws IOException {
    List<ConsoleBlocks.Block> blocks =
        new ArrayList<>(ConsoleBlocks.read(ROOT.resolve("README.md"), "README.md"));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        blocks.addAll(ConsoleBlocks.read(doc, "docs/" + doc.getFileName()));
      }
    }
    return blocks;
  }

  private static void requireToolsOf(String command) {
    for (String tool : List.of("jq", "curl")) {
      if (command.matches("(?s).*(^|[|;&]\\s*)" + tool + "\\b.*")) {
        RequiredTool.find(tool, tool);
      }
    }
  }

  private Path workingDirectory() throws IOException {
    Path work = Files.createDirectories(temp.resolve("work"));
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Files.createSymbolicLink(work.resolve("lightpane"), ROOT.resolve("lightpane"));
    Files.createSymbolicLink(bin.resolve("lightpane"), ROOT.resolve("lightpane"));
    Files.createSymbolicLink(work.resolve("examples"), ROOT.resolve("examples"));
    for (String module : List.of("lightpane-cli", "lightpane-stub", "lightpane-client")) {
      Path target = Files.createDirectories(work.resolve(module)).resolve("target");
      Files.createSymbolicLink(target, ROOT.resolve(module).resolve("target"));
    }
    Files.createDirectories(temp.resolve("config"));
    return work;
  }

  private Run run(Path work, List<String> exports, String command)
      throws IOException, InterruptedException {
    File output = Files.createTempFile(temp, "output", ".txt").toFile();
    String script = String.join("\n", exports) + "\n" + command;
    ProcessBuilder builder =
        new ProcessBuilder("bash", "-c", script)
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().keySet().removeIf(name -> name.startsWith("LIGHTPANE_"));
    builder
        .environment()
        .keySet()
        .removeIf(
            name ->
                name.equals("COLUMNS") || name.equals("NO_COLOR") || name.equals("CLICOLOR_FORCE"));
    builder.environment().put("LIGHTPANE_CONFIG_DIR", temp.resolve("config").toString());
    builder
        .environment()
        .put("PATH", temp.resolve("bin") + File.pathSeparator + System.getenv("PATH"));
    Process process = builder.start();
    if (!process.waitFor(SECONDS_PER_COMMAND, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      return new Run(-1, "did not finish in " + SECONDS_PER_COMMAND + " s");
    }
    return new Run(process.exitValue(), Files.readString(output.toPath(), StandardCharsets.UTF_8));
  }

  private record Run(int exit, String output) {
    List<String> lines() {
      return output.isEmpty() ? List.of() : List.of(output.split("\n", -1)).subList(0, count());
    }

    private int count() {
      String[] all = output.split("\n", -1);
      return output.endsWith("\n") ? all.length - 1 : all.length;
    }

    @Override
    public String toString() {
      return "exit " + exit + ", output:\n" + output;
    }
  }
}
