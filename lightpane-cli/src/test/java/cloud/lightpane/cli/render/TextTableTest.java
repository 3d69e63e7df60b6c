package cloud.lightpane.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.cli.terminal.TerminalFacts;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {
  private static final String LONG =
      "a-very-long-value-that-does-not-fit-anywhere-near-forty-columns";

  @Test
  void onATerminalEveryLineFitsAndLongCellsEndInAnEllipsis() throws Exception {
    String text = render(new TerminalFacts(true, 40, false), false);
    for (String line : text.split("\n")) {
      assertTrue(line.codePointCount(0, line.length()) <= 40, "fits 40 columns: " + line);
    }
    assertTrue(text.contains("…"), text);
    assertFalse(text.contains(LONG));
  }

  @Test
  void pipedNothingIsCutAndThereAreNoEscapeCodes() throws Exception {
    String text = render(TerminalFacts.piped(), false);
    assertTrue(text.contains(LONG));
    assertFalse(text.contains("…"));
    assertFalse(text.contains("\u001b"));
  }

  @Test
  void colourEmboldensLabelsOnly() throws Exception {
    String text = render(new TerminalFacts(true, 200, true), true);
    assertTrue(text.startsWith(TextTable.BOLD + "Name" + TextTable.RESET));
    assertFalse(text.split("\n")[1].contains("\u001b"));
  }

  @Test
  void controlCharactersInDataAreShownEscaped() throws Exception {
    TextTable table = new TextTable(List.of("Name"));
    table.add(new String[] {"evil\u001b[31mred\nline"});
    StringWriter out = new StringWriter();
    table.write(out, TerminalFacts.piped(), false);
    assertEquals("Name\nevil\\u001b[31mred\\nline\n", out.toString());
  }

  @Test
  void fitNarrowsOnlyTheWideColumns() {
    int[] widths = {4, 10, 60};
    TextTable.fit(widths, 40);
    assertEquals(4, widths[0]);
    assertEquals(10, widths[1]);
    assertEquals(40 - 4 - 10 - 4, widths[2]);
  }

  private static String render(TerminalFacts facts, boolean colour) throws Exception {
    TextTable table = new TextTable(List.of("Name", "Instance ID", "Note"));
    table.add(new String[] {"web-1", "i-0abc123def", LONG});
    table.add(new String[] {"web-2", null, "short"});
    StringWriter out = new StringWriter();
    table.write(out, facts, colour);
    return out.toString();
  }
}
