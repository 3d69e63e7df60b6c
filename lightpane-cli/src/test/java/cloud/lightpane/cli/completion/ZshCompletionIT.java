package cloud.lightpane.cli.completion;

import static org.junit.jupiter.api.Assertions.assertFalse;

import cloud.lightpane.cli.terminal.RequiredTool;
import cloud.lightpane.cli.terminal.Tmux;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The zsh script made at build time, loaded by a real interactive zsh as a user's ~/.zshrc would,
 * and Tab pressed. Skipped where zsh or tmux is not installed, failed then under CI.
 */
@DisabledOnOs(OS.WINDOWS)
class ZshCompletionIT {
  private static final Duration STEP = Duration.ofSeconds(30);

  @Test
  void tabCompletesServiceIdsAndRegionsInZsh() throws Exception {
    RequiredTool.find("tmux", "tmux");
    RequiredTool.find("zsh", "zsh");
    Path script = Path.of("target", "completion", "lightpane.zsh").toAbsolutePath();
    try (Tmux terminal = new Tmux()) {
      terminal.start(Path.of("").toAbsolutePath(), "zsh -f");
      terminal.waitFor("zsh's prompt", STEP, s -> !s.isBlank());
      terminal.type("source '" + script + "' && echo loaded");
      terminal.press("Enter");
      terminal.waitFor("the script loaded", STEP, s -> s.contains("\nloaded"));

      terminal.type("lightpane discover lambda_f");
      terminal.press("Tab");
      terminal.waitFor(
          "the service id", STEP, s -> s.contains("lightpane discover lambda_functions"));

      terminal.press("C-u");
      terminal.type("lightpane discover s3 -r eu-west-");
      terminal.press("Tab");
      String regions =
          terminal.waitFor(
              "the regions", STEP, s -> s.contains("eu-west-1") && s.contains("eu-west-3"));
      assertFalse(regions.contains("command not found"), regions);
    }
  }
}
