package cloud.lightpane.cli.buildtime;

import cloud.lightpane.cli.LightpaneCommand;
import cloud.lightpane.cli.completion.CompletionScripts;
import cloud.lightpane.cli.kernel.CliContext;
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
 * Writes the completion scripts {@link CompletionScripts} ships: bash from the whole command tree
 * (picocli's {@link AutoComplete}, with the catalogue's values as word lists), and zsh running the
 * same script. Run by the build (exec-maven-plugin, before the tests and the jar), never by {@code
 * lightpane}: it sits above the top command, as {@code Main} does, so that no feature depends on
 * the tree.
 */
public final class CompletionScriptWriter {
  private CompletionScriptWriter() {}

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
