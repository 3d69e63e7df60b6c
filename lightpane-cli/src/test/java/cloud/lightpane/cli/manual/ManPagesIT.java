package cloud.lightpane.cli.manual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.cli.LightpaneCommand;
import cloud.lightpane.cli.kernel.CliContext;
import cloud.lightpane.cli.terminal.TerminalFacts;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The man pages the build made (after {@code prepare-package}), read as a user reads them. */
class ManPagesIT {
  private static final Path MAN = Path.of("target", "man");

  @Test
  void oneTroffPagePerCommandAndSubcommand() throws Exception {
    CliContext context =
        new CliContext(
            new ByteArrayOutputStream(),
            new PrintWriter(new StringWriter()),
            InputStream.nullInputStream(),
            Map.of(),
            TerminalFacts::piped,
            null);
    List<String> expected = new ArrayList<>();
    names(LightpaneCommand.commandLine(context), expected);
    List<String> pages;
    try (Stream<Path> files = Files.list(MAN)) {
      pages = files.map(path -> path.getFileName().toString()).sorted().toList();
    }
    assertEquals(expected.stream().sorted().toList(), pages);
  }

  @Test
  void pagesHaveExitStatusAndEnvironment() throws Exception {
    Path page = MAN.resolve("lightpane-discover.1");
    String troff = Files.readString(page, StandardCharsets.UTF_8);
    assertTrue(troff.contains(".SH \"EXIT STATUS\""), troff);
    assertTrue(troff.contains(".SH \"ENVIRONMENT\""), troff);
    String text = rendered(page, troff);
    for (String expected :
        List.of(
            "EXIT STATUS",
            "ENVIRONMENT",
            "LIGHTPANE_API_KEY",
            "XDG_STATE_HOME",
            "Rate limited (429 once retries are spent).",
            "--region",
            "EXAMPLES")) {
      assertTrue(text.contains(expected), expected + " in\n" + text);
    }
    assertTrue(text.indexOf("EXIT STATUS") < text.indexOf("ENVIRONMENT"), text);
  }

  /** What {@code man -l} shows, when man is installed; else the troff source. */
  private static String rendered(Path page, String troff) throws Exception {
    if (!new File("/usr/bin/man").canExecute()) {
      return troff.replace("\\-", "-").replace("\\(em", "-");
    }
    Process man =
        new ProcessBuilder("/usr/bin/man", "-l", page.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    man.getOutputStream().close();
    String out = new String(man.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(man.waitFor(30, TimeUnit.SECONDS), "man finished");
    // man marks bold with backspaces when it writes to a pipe: keep the letters only.
    return out.replaceAll(".\b", "").replace("‐", "-");
  }

  private static void names(CommandLine command, List<String> names) {
    names.add(command.getCommandSpec().qualifiedName("-") + ".1");
    for (CommandLine sub : command.getSubcommands().values()) {
      names(sub, names);
    }
  }
}
