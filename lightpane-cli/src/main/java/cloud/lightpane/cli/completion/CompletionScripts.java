package cloud.lightpane.cli.completion;

import cloud.lightpane.cli.CliContext;
import cloud.lightpane.cli.LightpaneCommand;
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
import picocli.AutoComplete;

/**
 * The bash and zsh completion scripts of {@code lightpane}, made at build time from the command
 * tree (picocli's {@link AutoComplete}) with the catalogue's values as word lists, and shipped in
 * the jar; {@code lightpane completion} only prints them. So completing in a user's shell never
 * starts a JVM.
 */
public final class CompletionScripts {
  /** Where the scripts live in the jar. */
  public static final String RESOURCE_DIR = "/cloud/lightpane/cli/completion/";

  private CompletionScripts() {}

  /** Writes {@code lightpane.bash} and {@code lightpane.zsh} into every directory given. */
  public static void main(String[] directories) throws IOException {
    String bash = bash();
    String zsh = zsh(bash);
    for (String directory : directories) {
      Path dir = Files.createDirectories(Path.of(directory));
      Files.writeString(dir.resolve("lightpane.bash"), bash, StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("lightpane.zsh"), zsh, StandardCharsets.UTF_8);
    }
  }

  /** The script shipped for {@code shell} ({@code bash} or {@code zsh}), or null if not built. */
  public static String shipped(String shell) throws IOException {
    try (InputStream in =
        CompletionScripts.class.getResourceAsStream(RESOURCE_DIR + "lightpane." + shell)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static String bash() {
    CliContext context =
        new CliContext(
            new ByteArrayOutputStream(),
            new PrintWriter(new StringWriter()),
            InputStream.nullInputStream(),
            Map.of(),
            TerminalFacts::piped,
            null);
    return AutoComplete.bash("lightpane", LightpaneCommand.commandLine(context));
  }

  /**
   * The zsh script: zsh's bash-compatibility layer running the bash script, which is what picocli
   * supports and keeps one source of truth for both shells.
   */
  static String zsh(String bash) {
    return "# zsh completion for lightpane. Load it from ~/.zshrc with:\n"
        + "#   source <(lightpane completion zsh)\n"
        + "# It runs the bash completion through zsh's bashcompinit.\n"
        + "autoload -U +X compinit && compinit\n"
        + "autoload -U +X bashcompinit && bashcompinit\n"
        + bash;
  }
}
