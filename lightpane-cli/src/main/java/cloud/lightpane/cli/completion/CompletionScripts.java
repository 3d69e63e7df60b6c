package cloud.lightpane.cli.completion;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The bash and zsh completion scripts shipped in the jar, made at build time from the command tree
 * (see {@code cloud.lightpane.cli.buildtime.CompletionScriptWriter}); {@code lightpane completion}
 * only prints them, so completing in a user's shell never starts a JVM.
 */
public final class CompletionScripts {
  /** Where the scripts live in the jar. */
  public static final String RESOURCE_DIR = "/cloud/lightpane/cli/completion/";

  private CompletionScripts() {}

  /** The script shipped for {@code shell} ({@code bash} or {@code zsh}), or null if not built. */
  public static String shipped(String shell) throws IOException {
    try (InputStream in =
        CompletionScripts.class.getResourceAsStream(RESOURCE_DIR + "lightpane." + shell)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
