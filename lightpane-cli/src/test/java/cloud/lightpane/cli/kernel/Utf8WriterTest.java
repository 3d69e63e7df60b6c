package cloud.lightpane.cli.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8WriterTest {
  @Test
  void encodesEveryPlaneLikeTheJdkAcrossBufferAndCallBoundaries() throws Exception {
    String text = "ascii, é, €, 日本, 😀 and a long tail " + "x😀é".repeat(10_000);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Utf8Writer writer = new Utf8Writer(bytes);
    int cut = text.indexOf('😀') + 1; // between the two halves of a surrogate pair
    writer.write(text.substring(0, cut));
    writer.append(text, cut, text.length());
    writer.flush();
    assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), bytes.toByteArray());
  }

  @Test
  void aLoneSurrogateBecomesAQuestionMarkLikeTheJdk() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Utf8Writer writer = new Utf8Writer(bytes);
    writer.write("a\uD800b\uDC00c");
    writer.flush();
    assertArrayEquals("a\uD800b\uDC00c".getBytes(StandardCharsets.UTF_8), bytes.toByteArray());
  }

  @Test
  void aBuilderIsWrittenLikeItsStringWhetherAsciiAccentedLongOrAfterAHalfPair() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Utf8Writer writer = new Utf8Writer(bytes);
    StringBuilder ascii = new StringBuilder("{\"row\":1}\n");
    StringBuilder accented = new StringBuilder("{\"name\":\"café 😀\"}\n");
    StringBuilder longer = new StringBuilder("y".repeat(40_000)).append('\n');
    writer.append(ascii);
    writer.append(accented);
    writer.write('\uD83D'); // the first half of 😀 alone: the builder completes it
    writer.append(new StringBuilder("\uDE00 after"));
    writer.append(ascii);
    writer.append(longer);
    writer.append(ascii);
    writer.flush();
    String expected =
        "{\"row\":1}\n{\"name\":\"café 😀\"}\n😀 after{\"row\":1}\n"
            + "y".repeat(40_000)
            + "\n{\"row\":1}\n";
    assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), bytes.toByteArray());
  }

  @Test
  void aLatin1BuilderIsEncodedAsUtf8NotAsSingleBytes() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Utf8Writer writer = new Utf8Writer(bytes);
    writer.append(new StringBuilder("café\n"));
    writer.flush();
    assertArrayEquals("café\n".getBytes(StandardCharsets.UTF_8), bytes.toByteArray());
  }

  @Test
  void aLoneFirstHalfBeforeAnAsciiBuilderStaysInOrder() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Utf8Writer writer = new Utf8Writer(bytes);
    writer.write('\uD83D');
    writer.append(new StringBuilder("abc"));
    writer.flush();
    assertArrayEquals("\uD83Dabc".getBytes(StandardCharsets.UTF_8), bytes.toByteArray());
  }
}
