package cloud.lightpane.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExcelSafeTest {
  @Test
  void formulaLeadersGetAnApostrophe() {
    String[][] cases = {
      {"=1+1", "'=1+1"},
      {"+1", "'+1"},
      {"-1", "'-1"},
      {"@SUM(A1)", "'@SUM(A1)"},
      {"\t=1", "'\t=1"},
      {"\tplain", "'\tplain"},
      {"\rplain", "'\rplain"},
      {" =1", "' =1"},
      {"  \n=HYPERLINK(\"x\")", "'  \n=HYPERLINK(\"x\")"},
      {"\u00a0+1", "'\u00a0+1"},
      {"\u3000@x", "'\u3000@x"},
      {"\uff1d1", "'\uff1d1"},
      {"\uff0b1", "'\uff0b1"},
      {"\uff0d1", "'\uff0d1"},
      {"\uff20x", "'\uff20x"},
    };
    for (String[] c : cases) {
      assertEquals(c[1], ExcelSafe.cell(c[0]), c[0]);
    }
  }

  @Test
  void otherTextIsLeftAlone() {
    for (String text : new String[] {"", " ", "a=1", "web-1", "1-2", "x@y", "'=1", " a", "\n1"}) {
      assertEquals(text, ExcelSafe.cell(text), text);
    }
  }
}
