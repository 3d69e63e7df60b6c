package cloud.lightpane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exact bytes of {@code -o csv} for values made to break it (RFC 4180: comma separated, CRLF, a
 * field quoted when it holds a comma, quote, CR or LF, quotes doubled), and what {@code
 * --excel-safe} adds: a quote before text a spreadsheet would run as a formula.
 */
class CsvBytesTest {
  @TempDir Path config;

  private static String result(String rows) {
    return "{\"results\":[{\"metadata\":{\"service\":\"s3\",\"service_label\":\"S3 Buckets\","
        + "\"provider\":\"aws\",\"region\":\"eu-west-2\",\"count\":1,"
        + "\"timestamp\":\"2026-03-28T14:30:00Z\"},"
        + "\"columns\":[{\"key\":\"bucket_name\",\"label\":\"Bucket\"},"
        + "{\"key\":\"region\",\"label\":\"Region\"}],"
        + "\"rows\":["
        + rows
        + "]}]}";
  }

  private Cli.Result csv(String rows, String... extra) throws Exception {
    try (FakeApi api = new FakeApi(body -> new FakeApi.Answer(200, result(rows)))) {
      String[] args = new String[6 + extra.length];
      System.arraycopy(
          new String[] {"discover", "s3", "-r", "eu-west-2", "-o", "csv"}, 0, args, 0, 6);
      System.arraycopy(extra, 0, args, 6, extra.length);
      return Cli.in(config).env("LIGHTPANE_BASE_URL", api.url()).run(args);
    }
  }

  @Test
  void fieldsThatHoldSeparatorsQuotesOrLineBreaksAreQuotedAndNothingElseIs() throws Exception {
    Cli.Result result =
        csv(
            "{\"bucket_name\":\",\",\"region\":\"a\"},"
                + "{\"bucket_name\":\"x,y\",\"region\":\"b\"},"
                + "{\"bucket_name\":\"say \\\"hi\\\"\",\"region\":\"\\\"\"},"
                + "{\"bucket_name\":\"two\\nlines\",\"region\":\"cr\\r\"},"
                + "{\"bucket_name\":\" spaced \",\"region\":null},"
                + "{\"bucket_name\":\"=1+2\",\"region\":\"caf\u00e9\"}");
    assertEquals(0, result.exit(), result.toString());
    assertEquals(
        "bucket_name,region\r\n"
            + "\",\",a\r\n"
            + "\"x,y\",b\r\n"
            + "\"say \"\"hi\"\"\",\"\"\"\"\r\n"
            + "\"two\nlines\",\"cr\r\"\r\n"
            + " spaced ,\r\n"
            + "=1+2,caf\u00e9\r\n",
        result.out());
  }

  @Test
  void excelSafeQuotesEveryFormulaStartOfTextAndNoNumber() throws Exception {
    Cli.Result result =
        csv(
            "{\"bucket_name\":\"=SUM(A1)\",\"region\":\"+1\"},"
                + "{\"bucket_name\":\"-2\",\"region\":\"@x\"},"
                + "{\"bucket_name\":\"\\tTAB\",\"region\":\"\\rCR\"},"
                + "{\"bucket_name\":-5,\"region\":\"a=b\"},"
                + "{\"bucket_name\":\"\",\"region\":\"plain\"}",
            "--excel-safe");
    assertEquals(0, result.exit(), result.toString());
    assertEquals(
        "bucket_name,region\r\n"
            + "'=SUM(A1),'+1\r\n"
            + "'-2,'@x\r\n"
            + "'\tTAB,\"'\rCR\"\r\n"
            + "-5,a=b\r\n"
            + ",plain\r\n",
        result.out());
  }
}
