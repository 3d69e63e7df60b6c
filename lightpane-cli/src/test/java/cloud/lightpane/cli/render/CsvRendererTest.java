package cloud.lightpane.cli.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opencsv.CSVReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvRendererTest {
  private static final ResultInfo EC2 =
      new ResultInfo("ec2", "EC2 Instances", "aws", "eu-west-2", 2, null);
  private static final ResultInfo S3 =
      new ResultInfo("s3", "S3 Buckets", "aws", "eu-west-2", 1, null);

  @Test
  void oneServiceHasExactlyItsColumnsAndRoundTripsAwkwardValues() throws Exception {
    StringWriter out = new StringWriter();
    CsvRenderer csv = new CsvRenderer(out, new CsvLayout(false, null), true, false, false);
    csv.resultStart(EC2, List.of(new Field("name", "Name"), new Field("note", "Note")));
    csv.row(row("name", "web, \"one\"", "note", "line1\nline2"));
    csv.row(row("name", "web-2", "note", null));
    csv.resultEnd(EC2);
    csv.finish();

    assertTrue(out.toString().endsWith("\r\n"), "RFC 4180 lines end in CRLF");
    List<String[]> lines = parse(out.toString());
    assertArrayEquals(new String[] {"name", "note"}, lines.get(0));
    assertArrayEquals(new String[] {"web, \"one\"", "line1\nline2"}, lines.get(1));
    assertArrayEquals(new String[] {"web-2", ""}, lines.get(2));
    assertEquals(3, lines.size());
  }

  @Test
  void noResultStillWritesTheBomAndTheHeaderOfTheRequestedColumns() throws Exception {
    StringWriter out = new StringWriter();
    java.io.BufferedWriter buffered = new java.io.BufferedWriter(out);
    CsvRenderer csv =
        new CsvRenderer(
            buffered, new CsvLayout(false, List.of("name", "state")), true, true, false);
    csv.finish();
    assertEquals("\uFEFFname,state\r\n", out.toString(), "finish flushes what it wrote");
  }

  @Test
  void severalServicesStartWithTheSourceAndShareTheUnionOfColumns() throws Exception {
    StringWriter out = new StringWriter();
    CsvLayout layout = new CsvLayout(true, List.of("name", "state", "bucket_name", "region"));
    CsvRenderer csv = new CsvRenderer(out, layout, true, false, false);
    csv.resultStart(EC2, List.of(new Field("name", "Name"), new Field("state", "State")));
    csv.row(row("name", "web-1", "state", "running"));
    csv.resultEnd(EC2);
    csv.resultStart(S3, List.of(new Field("bucket_name", "Bucket"), new Field("region", "Region")));
    csv.row(row("bucket_name", "logs", "region", "eu-west-2"));
    csv.resultEnd(S3);
    csv.finish();

    List<String[]> lines = parse(out.toString());
    assertArrayEquals(
        new String[] {"_service", "_provider", "_region", "name", "state", "bucket_name", "region"},
        lines.get(0));
    assertArrayEquals(
        new String[] {"ec2", "aws", "eu-west-2", "web-1", "running", "", ""}, lines.get(1));
    assertArrayEquals(
        new String[] {"s3", "aws", "eu-west-2", "", "", "logs", "eu-west-2"}, lines.get(2));
  }

  @Test
  void excelSafeNeutralisesFormulasInTextButNotNumbers() throws Exception {
    StringWriter out = new StringWriter();
    CsvRenderer csv =
        new CsvRenderer(out, new CsvLayout(false, List.of("a", "b", "c")), false, true, true);
    csv.resultStart(EC2, List.of());
    csv.row(row("a", "=HYPERLINK(\"x\")", "b", -5, "c", "@sum"));
    csv.finish();

    assertTrue(out.toString().startsWith("\uFEFF"), "BOM first");
    List<String[]> lines = parse(out.toString().substring(1));
    assertEquals(1, lines.size(), "no header with --no-header");
    assertArrayEquals(new String[] {"'=HYPERLINK(\"x\")", "-5", "'@sum"}, lines.get(0));
  }

  @Test
  void withoutExcelSafeValuesAreComplete() throws Exception {
    StringWriter out = new StringWriter();
    CsvRenderer csv = new CsvRenderer(out, new CsvLayout(false, List.of("a")), true, false, false);
    csv.resultStart(EC2, List.of());
    csv.row(row("a", "=1+1"));
    csv.finish();
    assertArrayEquals(new String[] {"=1+1"}, parse(out.toString()).get(1));
  }

  /**
   * The fuzzer's input {@code 0a 0a f4}: a column key of two line feeds and an empty value. Valid
   * RFC 4180: the key quoted with its LFs as they are, CRLF after each record, and the one empty
   * cell an empty line. The writer was right; opencsv's CSVReader was not (see Rfc4180Reading).
   */
  @Test
  void aKeyOfTwoLineFeedsIsQuotedWithThemAndAnEmptyCellIsAnEmptyLine() throws Exception {
    StringWriter out = new StringWriter();
    CsvRenderer csv = new CsvRenderer(out, new CsvLayout(false, null), true, false, false);
    csv.resultStart(EC2, List.of(new Field("\n\n", "\n\n")));
    csv.row(row("\n\n", ""));
    csv.resultEnd(EC2);
    csv.finish();
    assertEquals("\"\n\n\"\r\n\r\n", out.toString());
    List<String[]> read = Rfc4180Reading.readAll(out.toString());
    assertEquals(2, read.size());
    assertArrayEquals(new String[] {"\n\n"}, read.get(0));
    assertArrayEquals(new String[] {""}, read.get(1));
  }

  @Test
  void crLfAndQuotesInsideValuesReadBackAsTheyWere() throws Exception {
    StringWriter out = new StringWriter();
    CsvRenderer csv =
        new CsvRenderer(out, new CsvLayout(false, List.of("a", "b")), false, false, false);
    csv.resultStart(EC2, List.of());
    csv.row(row("a", "x\r\n\n\ry\r", "b", "\"q\""));
    csv.finish();
    assertEquals("\"x\r\n\n\ry\r\",\"\"\"q\"\"\"\r\n", out.toString());
    assertArrayEquals(
        new String[] {"x\r\n\n\ry\r", "\"q\""}, Rfc4180Reading.readAll(out.toString()).get(0));
  }

  static MapRow row(Object... pairs) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put((String) pairs[i], pairs[i + 1]);
    }
    return new MapRow(values);
  }

  static List<String[]> parse(String csv) throws Exception {
    try (CSVReader reader = new CSVReader(new StringReader(csv))) {
      return reader.readAll();
    }
  }

  @Test
  void excelSafeCoversHeaderAndSourceCellsAndWhitespaceLedFormulas() throws Exception {
    ResultInfo hostile = new ResultInfo("=HYPERLINK(\"s\")", "x", "+aws", " @eu", 1, null);
    StringWriter out = new StringWriter();
    CsvRenderer csv =
        new CsvRenderer(out, new CsvLayout(true, List.of("=cmd", "n")), true, false, true);
    csv.resultStart(hostile, List.of(new Field("=cmd", "Cmd"), new Field("n", "N")));
    csv.row(row("=cmd", " =1", "n", -5));
    csv.resultEnd(hostile);
    csv.finish();
    assertEquals(
        "_service,_provider,_region,'=cmd,n\r\n"
            + "\"'=HYPERLINK(\"\"s\"\")\",'+aws,' @eu,' =1,-5\r\n",
        out.toString());
  }
}
