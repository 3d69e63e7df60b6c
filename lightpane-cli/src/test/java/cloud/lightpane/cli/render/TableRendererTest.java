package cloud.lightpane.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.cli.terminal.TerminalFacts;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableRendererTest {
  private static final ResultInfo EC2 =
      new ResultInfo("ec2", "EC2 Instances", "aws", "eu-west-2", 1002, null);
  private static final List<Field> FIELDS =
      List.of(new Field("name", "Name"), new Field("note", "Note"));

  private static MapRow row(String name, String note) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("name", name);
    values.put("note", note);
    return new MapRow(values);
  }

  @Test
  void aSmallResultIsSizedFromAllItsRowsAndHeadedWithItsCount() throws Exception {
    StringWriter out = new StringWriter();
    TableRenderer table = new TableRenderer(out, TerminalFacts.piped());
    table.resultStart(EC2, FIELDS);
    table.row(row("web-1", "x"));
    table.row(row("a-longer-name", "y"));
    table.resultEnd(EC2);
    table.finish();
    assertEquals(
        "EC2 Instances (ec2) · aws · eu-west-2 · 2 rows\n\n"
            + "Name           Note\n"
            + "web-1          x\n"
            + "a-longer-name  y\n",
        out.toString());
  }

  @Test
  void rowsAfterTheWindowKeepItsWidthsAndAreCutWithAnEllipsis() throws Exception {
    StringWriter out = new StringWriter();
    TableRenderer table = new TableRenderer(out, TerminalFacts.piped());
    table.resultStart(EC2, FIELDS);
    for (int i = 0; i < 1000; i++) {
      table.row(row("web-" + (i % 10), "n"));
    }
    assertEquals("", out.toString(), "the window is held until it is full");
    table.row(row("a-name-wider-than-the-window", "a note longer than its column"));
    table.row(row("db-1", "z"));
    table.resultEnd(EC2);
    table.finish();
    String[] lines = out.toString().split("\n");
    assertEquals("EC2 Instances (ec2) · aws · eu-west-2 · more than 1000 rows", lines[0]);
    assertEquals("Name   Note", lines[2]);
    assertEquals("web-0  n", lines[3]);
    assertEquals(1000 + 2 + 3, lines.length, "heading, blank line, labels and every row");
    // cut to the window's width (5), the last column never cut when piped
    assertEquals("a-na…  a note longer than its column", lines[1003]);
    assertEquals("db-1   z", lines[1004]);
  }

  @Test
  void onATerminalLaterRowsFitTheWidthToo() throws Exception {
    StringWriter out = new StringWriter();
    TableRenderer table = new TableRenderer(out, new TerminalFacts(true, 20, false));
    table.resultStart(EC2, FIELDS);
    for (int i = 0; i < 1001; i++) {
      table.row(row("web-" + (i % 10), i == 1000 ? "a note far too long for twenty" : "n"));
    }
    table.resultEnd(EC2);
    String[] lines = out.toString().split("\n");
    assertEquals("web-0  a note far t…", lines[1003]);
  }

  @Test
  void withoutHeadersOnlyRowsAreWrittenPastTheWindow() throws Exception {
    StringWriter out = new StringWriter();
    TableRenderer table = new TableRenderer(out, TerminalFacts.piped(), false);
    table.resultStart(EC2, FIELDS);
    for (int i = 0; i < 1500; i++) {
      table.row(row("web-" + (i % 10), "n"));
    }
    table.resultEnd(EC2);
    String[] lines = out.toString().split("\n");
    assertEquals(1500, lines.length);
    assertEquals("web-9  n", lines[1499]);
    assertTrue(out.toString().startsWith("web-0  n\n"));
  }
}
