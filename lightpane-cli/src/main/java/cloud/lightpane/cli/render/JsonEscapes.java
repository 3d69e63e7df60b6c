package cloud.lightpane.cli.render;

import cloud.lightpane.cli.terminal.ScreenText;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Jackson's standard JSON escaping plus {@code \}{@code uXXXX} for C1 and bidi controls (see {@link
 * ScreenText#jsonUnsafe}), so that {@code -o json} matches the escaping of {@link JsonText}: a
 * viewer or a terminal showing the document cannot be driven or reordered by the data.
 */
final class JsonEscapes extends CharacterEscapes {
  private static final long serialVersionUID = 1L;
  static final JsonEscapes INSTANCE = new JsonEscapes();

  private final int[] ascii = standardAsciiEscapesForJSON();

  @Override
  public int[] getEscapeCodesForAscii() {
    return ascii;
  }

  @Override
  public SerializableString getEscapeSequence(int ch) {
    if (ch > 0xffff || !ScreenText.jsonUnsafe((char) ch)) {
      return null;
    }
    StringBuilder escaped = new StringBuilder(6);
    ScreenText.unicodeEscape(escaped, (char) ch);
    return new SerializedString(escaped.toString());
  }
}
