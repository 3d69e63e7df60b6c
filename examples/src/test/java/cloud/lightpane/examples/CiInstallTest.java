package cloud.lightpane.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CI examples install the release the way {@code docs/install.md} ("In CI") says, command for
 * command, and never run {@code ./lightpane}, which exists only in a clone of this repository.
 */
class CiInstallTest {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Pattern IN_CI_BLOCK =
      Pattern.compile("^## In CI\\n.*?^```bash\\n(.*?)^```$", Pattern.DOTALL | Pattern.MULTILINE);
  private static final Pattern INSTALL_COMMAND = Pattern.compile("^(mkdir|curl|sha256sum|tar) .*");

  /** The install commands of the page, in order. */
  private static List<String> documentedCommands() throws IOException {
    Matcher block = IN_CI_BLOCK.matcher(Files.readString(ROOT.resolve("docs/install.md")));
    assertTrue(block.find(), "docs/install.md has an \"In CI\" section with a bash block");
    return commands(block.group(1));
  }

  private static List<String> commands(String text) {
    return text.lines()
        .map(String::strip)
        .map(line -> line.startsWith("- ") ? line.substring(2) : line)
        .filter(line -> INSTALL_COMMAND.matcher(line).matches())
        .toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"examples/ci/github-actions.yml", "examples/ci/gitlab-ci.yml"})
  void installsTheReleaseAsDocumented(String file) throws IOException {
    String yaml = Files.readString(ROOT.resolve(file));
    List<String> documented = documentedCommands();
    assertEquals(
        List.of(
            "mkdir -p .lightpane && cd .lightpane",
            "curl -fsSLO \"https://github.com/lightpane/lightpane-java/releases/download/"
                + "v$LIGHTPANE_VERSION/lightpane-$LIGHTPANE_VERSION-linux-x64.tar.gz\"",
            "curl -fsSLO \"https://github.com/lightpane/lightpane-java/releases/download/"
                + "v$LIGHTPANE_VERSION/SHA256SUMS\"",
            "sha256sum --check --ignore-missing SHA256SUMS",
            "tar -xzf \"lightpane-$LIGHTPANE_VERSION-linux-x64.tar.gz\""),
        documented,
        "docs/install.md's CI commands download the tarball and SHA256SUMS and check them");
    assertEquals(documented, commands(yaml), file + " runs the documented install commands");
    assertTrue(
        yaml.contains("LIGHTPANE_VERSION: \"")
            && yaml.contains("lightpane-$LIGHTPANE_VERSION-linux-x64/bin"),
        file + " pins a version and puts the install's bin/ on the PATH");
    assertTrue(
        yaml.contains("key: lightpane-"), file + " caches the install under a key per version");
  }

  @ParameterizedTest
  @ValueSource(strings = {"examples/ci/github-actions.yml", "examples/ci/gitlab-ci.yml"})
  void neverRunsTheClonesLauncher(String file) throws IOException {
    String yaml = Files.readString(ROOT.resolve(file));
    assertFalse(yaml.contains("./lightpane"), file + " must not run ./lightpane");
    assertFalse(yaml.contains("setup-java"), file + " needs no Java: the archive carries its own");
    assertFalse(yaml.contains("temurin"), file + " needs no JDK image");
  }
}
