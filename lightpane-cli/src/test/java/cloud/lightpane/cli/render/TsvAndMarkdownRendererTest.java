package cloud.lightpane.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TsvAndMarkdownRendererTest {
  private static final ResultInfo EC2 =
      new ResultInfo("ec2", "EC2 Instances", "aws", "eu-west-2", 2, null);
  private static final ResultInfo S3 =
      new ResultInfo("s3", "S3 Buckets", "aws", "us-east-1", 0, null);
  private static final List<Field> FIELDS =
      List.of(new Field("name", "Name"), new Field("note", "Note | Text"));

  private static MapRow row(Object name, Object note) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("name", name);
    values.put("note", note);
    return new MapRow(values);
  }

  @Test
  void tsvEscapesTabNewlineReturnAndBackslashAndWritesNullAsEmpty() throws Exception {
    StringWriter out = new StringWriter();
    TsvRenderer tsv = new TsvRenderer(out, new CsvLayout(false, null), true);
    tsv.resultStart(EC2, FIELDS);
    tsv.row(row("a\tb", "1\n2\r3\\4"));
    tsv.row(row("c,\"d\"", null));
    tsv.resultEnd(EC2);
    tsv.finish();
    assertEquals("name\tnote\na\\tb\t1\\n2\\r3\\\\4\nc,\"d\"\t\n", out.toString());
  }

  @Test
  void tsvOverSeveralResultsStartsWithTheSourceColumnsAndCanDropTheHeader() throws Exception {
    StringWriter out = new StringWriter();
    TsvRenderer tsv = new TsvRenderer(out, new CsvLayout(true, List.of("name")), false);
    tsv.resultStart(EC2, FIELDS);
    tsv.row(row("web", "x"));
    tsv.resultEnd(EC2);
    tsv.finish();
    assertEquals("ec2\taws\teu-west-2\tweb\n", out.toString());
  }

  @Test
  void tsvWithNoResultStillWritesTheHeaderOfTheRequestedColumnsAndFlushes() throws Exception {
    StringWriter out = new StringWriter();
    TsvRenderer tsv =
        new TsvRenderer(
            new java.io.BufferedWriter(out), new CsvLayout(true, List.of("name", "state")), true);
    tsv.finish();
    assertEquals("_service\t_provider\t_region\tname\tstate\n", out.toString());
  }

  @Test
  void tsvWithNoResultAndNoColumnsWritesNothing() throws Exception {
    StringWriter out = new StringWriter();
    new TsvRenderer(out, new CsvLayout(false, null), true).finish();
    assertEquals("", out.toString());
  }

  @Test
  void markdownEscapesWhatWouldBreakTheTable() throws Exception {
    StringWriter out = new StringWriter();
    MarkdownRenderer md = new MarkdownRenderer(out, true);
    md.resultStart(EC2, FIELDS);
    md.row(row("a|b", "line1\nline2"));
    md.row(row("*bold* _it_ `code` [link](x) <b> & #1 \\", "\u001b[31mred"));
    md.resultEnd(EC2);
    md.resultStart(S3, FIELDS);
    md.resultEnd(S3);
    md.finish();
    assertEquals(
        "### EC2 Instances (ec2) · aws · eu-west-2\n\n"
            + "| Name | Note \\| Text |\n"
            + "| --- | --- |\n"
            + "| a\\|b | line1<br>line2 |\n"
            + "| \\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) &lt;b&gt; &amp; \\#1 \\\\ | \\u001b\\[31mred |\n"
            + "\n### S3 Buckets (s3) · aws · us-east-1\n\n"
            + "_No rows._\n",
        out.toString());
  }

  @Test
  void markdownWithoutHeadersIsRowsOnly() throws Exception {
    StringWriter out = new StringWriter();
    MarkdownRenderer md = new MarkdownRenderer(out, false);
    md.resultStart(S3, FIELDS);
    md.resultEnd(S3);
    md.resultStart(EC2, FIELDS);
    md.row(row("web", null));
    md.resultEnd(EC2);
    md.finish();
    assertEquals("| web |  |\n", out.toString());
  }
}
