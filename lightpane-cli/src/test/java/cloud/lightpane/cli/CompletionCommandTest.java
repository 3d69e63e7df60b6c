package cloud.lightpane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.cli.kernel.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lightpane completion} prints the scripts made at build time, nothing generated now. */
class CompletionCommandTest {
  @TempDir Path config;

  @Test
  void printsTheScriptsShippedInTheJar() throws Exception {
    Cli.Result bash = Cli.in(config).run("completion", "bash");
    assertEquals(0, bash.exit(), bash.toString());
    assertEquals(Files.readString(Path.of("target/completion/lightpane.bash")), bash.out());

    Cli.Result zsh = Cli.in(config).run("completion", "zsh");
    assertEquals(0, zsh.exit(), zsh.toString());
    assertTrue(zsh.out().contains("bashcompinit"), zsh.out());
    assertTrue(zsh.out().endsWith(bash.out()), "zsh runs the same completion through bashcompinit");
  }

  @Test
  void anUnknownShellIsAUsageError() {
    Cli.Result fish = Cli.in(config).run("completion", "fish");
    assertEquals(ExitCodes.USAGE, fish.exit(), fish.toString());
    assertTrue(fish.err().contains("bash"), fish.err());
  }
}
