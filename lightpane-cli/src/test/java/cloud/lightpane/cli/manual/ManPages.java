package cloud.lightpane.cli.manual;

import cloud.lightpane.cli.LightpaneCommand;
import cloud.lightpane.cli.kernel.CliContext;
import cloud.lightpane.cli.kernel.Version;
import cloud.lightpane.cli.terminal.TerminalFacts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build tool, not a test: writes the AsciiDoc source of one man page per command and subcommand
 * with picocli-codegen's {@link ManPageGenerator}, adding the ENVIRONMENT section from {@link
 * ManualSections}; the asciidoctor plugin then turns them into troff in {@code target/man}. It
 * lives with the tests so that picocli-codegen never reaches the shipped jar.
 */
public final class ManPages {
  private ManPages() {}

  public static void main(String[] args) throws IOException {
    Path dir = Files.createDirectories(Path.of(args[0]));
    CliContext context =
        new CliContext(
            new ByteArrayOutputStream(),
            new PrintWriter(new StringWriter()),
            InputStream.nullInputStream(),
            Map.of(),
            TerminalFacts::piped,
            null);
    write(LightpaneCommand.commandLine(context), dir);
  }

  private static void write(CommandLine command, Path dir) throws IOException {
    StringWriter page = new StringWriter();
    try (PrintWriter out = new PrintWriter(page)) {
      ManPageGenerator.writeSingleManPage(out, command.getCommandSpec());
    }
    String name = command.getCommandSpec().qualifiedName("-");
    Files.writeString(
        dir.resolve(name + ".adoc"), manPage(page.toString()), StandardCharsets.UTF_8);
    for (CommandLine sub : command.getSubcommands().values()) {
      write(sub, dir);
    }
  }

  /**
   * Picocli's page in man-page terms: headings as man pages name them (EXIT STATUS, EXAMPLES), the
   * version, and an ENVIRONMENT section after EXIT STATUS, where man pages put it.
   */
  static String manPage(String page) {
    page =
        page.replaceFirst("(?m)^==\\s+Exit codes:\\s*$", "== Exit status")
            .replaceFirst("(?m)^==\\s+Examples:\\s*$", "== Examples")
            .replaceFirst("(?m)^:mansource:.*$", ":mansource: LightPane " + Version.get())
            .replaceFirst("(?m)^:revnumber:.*$", ":revnumber: " + Version.get());
    StringBuilder section =
        new StringBuilder("// tag::picocli-generated-man-section-environment[]\n");
    section.append("== Environment\n\n");
    for (Map.Entry<String, String> variable : ManualSections.ENVIRONMENT_VARIABLES.entrySet()) {
      section.append("*").append(variable.getKey()).append("*::\n");
      section.append("  ").append(variable.getValue().replace("*", "\\*")).append("\n\n");
    }
    section.append("// end::picocli-generated-man-section-environment[]\n\n");
    String marker = "// tag::picocli-generated-man-section-footer[]";
    int at = page.indexOf(marker);
    return at < 0 ? page + "\n" + section : page.substring(0, at) + section + page.substring(at);
  }
}
