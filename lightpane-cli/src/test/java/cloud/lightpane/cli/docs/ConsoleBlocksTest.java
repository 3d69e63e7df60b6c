package cloud.lightpane.cli.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The runner's reading of Markdown and its comparison, so that a drift cannot slip through it. */
class ConsoleBlocksTest {
  @Test
  void commandsOutputsContinuationsAndMarkers() {
    List<ConsoleBlocks.Block> blocks =
        ConsoleBlocks.parse(
            "doc.md",
            List.of(
                "text",
                "```console",
                "$ lightpane --version",
                "lightpane 1.2.3",
                "$ curl -s http://x \\",
                "    -d '{}'",
                "```",
                "```bash",
                "$ not a console block",
                "```",
                "````markdown",
                "```console",
                "$ inside an example of Markdown",
                "```",
                "````",
                "```console no-run: needs an account",
                "$ lightpane discover s3",
                "```"));
    assertEquals(2, blocks.size());
    ConsoleBlocks.Block first = blocks.get(0);
    assertEquals("doc.md:2", first.where());
    assertTrue(first.runs());
    assertEquals(
        List.of(
            new ConsoleBlocks.Command(3, "lightpane --version", List.of("lightpane 1.2.3")),
            new ConsoleBlocks.Command(5, "curl -s http://x \\\n    -d '{}'", List.of())),
        first.commands());
    ConsoleBlocks.Block second = blocks.get(1);
    assertEquals("doc.md:16", second.where());
    assertFalse(second.runs());
    assertEquals(Optional.of("needs an account"), second.noRunReason());
  }

  @Test
  void linesCompareExactlyButForTheWildcardsAndTrailingSpace() {
    assertTrue(OutputMatch.matches(List.of("a", "b"), List.of("a  ", "b\r")));
    assertFalse(OutputMatch.matches(List.of("a", "b"), List.of("a", "b", "c")), "an extra line");
    assertFalse(OutputMatch.matches(List.of("a", "b", "c"), List.of("a", "b")), "a missing line");
    assertFalse(
        OutputMatch.matches(List.of("lightpane 0.1.0"), List.of("lightpane 0.1.0-SNAPSHOT")));
    assertFalse(OutputMatch.matches(List.of(" a"), List.of("a")), "leading space counts");
    assertTrue(OutputMatch.matches(List.of("a", "...", "z"), List.of("a", "z")));
    assertTrue(OutputMatch.matches(List.of("a", "...", "z"), List.of("a", "b", "c", "z")));
    assertFalse(OutputMatch.matches(List.of("a", "...", "z"), List.of("a", "b", "y")));
    assertTrue(OutputMatch.matches(List.of("took <...> ms."), List.of("took 12 ms.")));
    assertFalse(OutputMatch.matches(List.of("took <...> ms."), List.of("took 12 s.")));
    assertFalse(OutputMatch.matches(List.of("a.c"), List.of("abc")), "no regular expressions");
    assertFalse(
        OutputMatch.matches(List.of("x=..."), List.of("x=1")), "... is a wildcard only alone");
  }
}
