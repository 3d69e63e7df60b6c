package cloud.lightpane.cli.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ScreenTextTest {
  @Test
  void controlsAndEscapeSequencesAreShownAsText() {
    assertEquals(
        "\\u001b]0;title\\u0007\\u001b[2K\\rAll good",
        ScreenText.escape("\u001b]0;title\u0007\u001b[2K\rAll good"));
    assertEquals("a\\nb\\tc\\u0000d\\u007fe", ScreenText.escape("a\nb\tc\u0000d\u007fe"));
  }

  @Test
  void c1BidiZeroWidthAndLineSeparatorsAreShownAsText() {
    assertEquals("\\u0080\\u0085\\u009b\\u009f", ScreenText.escape("\u0080\u0085\u009b\u009f"));
    assertEquals(
        "\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069\\u200e\\u200f\\u061c",
        ScreenText.escape(
            "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"));
    assertEquals(
        "\\u200b\\u200c\\u200d\\u2060\\ufeff\\u2028\\u2029",
        ScreenText.escape("\u200b\u200c\u200d\u2060\ufeff\u2028\u2029"));
  }

  @Test
  void theNeighboursOfUnsafeCharactersAndOtherScriptsPassUnchanged() {
    String text = "\u00a0é日本語 ٌ\u061b\u061d\u200a\u2010\u2027\u202f\u2065\u206a\ufefe😀~";
    assertSame(text, ScreenText.escape(text));
    assertEquals("", ScreenText.escape(null));
  }

  @Test
  void jsonEscapesOnlyC1AndBidiControls() {
    String json = "\u0080\u009f\u202a\u202e\u2066\u2069\u200e\u200f\u061c";
    for (char c : json.toCharArray()) {
      assertEquals(true, ScreenText.jsonUnsafe(c), Integer.toHexString(c));
    }
    for (char c : "\u007f\u00a0\u200b\u2028\ufeff a".toCharArray()) {
      assertEquals(false, ScreenText.jsonUnsafe(c), Integer.toHexString(c));
    }
  }

  @Test
  void aStackTraceKeepsItsFrameTabsAndEscapesItsMessages() {
    StringWriter out = new StringWriter();
    ScreenText.printStackTrace(
        new IllegalStateException("bad\u001b[2J"), new PrintWriter(out, true));
    String first = out.toString().lines().findFirst().orElseThrow();
    assertEquals("java.lang.IllegalStateException: bad\\u001b[2J", first);
    assertEquals(
        true, out.toString().lines().skip(1).findFirst().orElseThrow().startsWith("\tat "));
  }
}
