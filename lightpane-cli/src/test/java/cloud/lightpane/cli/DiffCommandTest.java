package cloud.lightpane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lightpane diff OLD NEW}: every line of every format, and every exit code. */
class DiffCommandTest {
  @TempDir Path dir;

  private static final String EC2 =
      "{\"service\":\"ec2\",\"provider\":\"aws\",\"region\":\"eu-west-2\",\"row\":";

  /** A service the catalogue does not know. */
  private static final String W =
      "{\"service\":\"widgets\",\"provider\":\"acme\",\"region\":\"moon-1\",\"row\":";

  private static final String S3 =
      "{\"service\":\"s3\",\"provider\":\"aws\",\"region\":\"eu-west-2\",\"row\":";

  /** Yesterday: two instances and a bucket. */
  private static final String OLD =
      EC2
          + "{\"name\":\"web-1\",\"instance_id\":\"i-1\",\"state\":\"running\",\"launch_time\":\"t1\"}}\n"
          + EC2
          + "{\"name\":\"web-2\",\"instance_id\":\"i-2\",\"state\":\"running\",\"launch_time\":\"t1\"}}\n"
          + S3
          + "{\"bucket_name\":\"logs\",\"versioning_status\":\"Enabled\"}}\n";

  /** Today: i-1 stopped (and relaunched), i-2 gone, i-3 new, the bucket's versioning suspended. */
  private static final String NEW =
      S3
          + "{\"bucket_name\":\"logs\",\"versioning_status\":\"Suspended\"}}\n"
          + EC2
          + "{\"name\":\"web-3\",\"instance_id\":\"i-3\",\"state\":\"running\",\"launch_time\":\"t2\"}}\n"
          + EC2
          + "{\"name\":\"web-1\",\"instance_id\":\"i-1\",\"state\":\"stopped\",\"launch_time\":\"t2\"}}\n";

  private Cli cli() {
    return Cli.in(dir.resolve("config"));
  }

  private String file(String name, String text) throws IOException {
    Path path = dir.resolve(name);
    Files.writeString(path, text, StandardCharsets.UTF_8);
    return path.toString();
  }

  private Cli.Result diff(String... options) throws IOException {
    String[] args = new String[options.length + 3];
    args[0] = "diff";
    args[1] = file("old.jsonl", OLD);
    args[2] = file("new.jsonl", NEW);
    System.arraycopy(options, 0, args, 3, options.length);
    return cli().run(args);
  }

  @Test
  void tableHasOneSectionPerServiceAndRegionWithOldAndNewValues() throws IOException {
    Cli.Result result = diff();
    assertEquals(8, result.exit(), result.toString());
    assertEquals("", result.err());
    assertEquals(
        "EC2 Instances (ec2) · aws · eu-west-2\n"
            + "\n"
            + "change   instance_id  column       old -> new\n"
            + "changed  i-1          state        running -> stopped\n"
            + "changed  i-1          launch_time  t1 -> t2\n"
            + "removed  i-2\n"
            + "added    i-3\n"
            + "\n"
            + "S3 Buckets (s3) · aws · eu-west-2\n"
            + "\n"
            + "change   bucket_name  column             old -> new\n"
            + "changed  logs         versioning_status  Enabled -> Suspended\n"
            + "\n"
            + "4 differences: 1 added, 1 removed, 2 changed\n",
        result.out());
  }

  @Test
  void jsonLinesHoldOneDifferenceEachWithIdBeforeAfterAndFields() throws IOException {
    Cli.Result result = diff("-o", "jsonl");
    assertEquals(8, result.exit(), result.toString());
    assertEquals(
        "{\"change\":\"changed\",\"service\":\"ec2\",\"provider\":\"aws\",\"region\":\"eu-west-2\","
            + "\"id\":{\"instance_id\":\"i-1\"},"
            + "\"before\":{\"name\":\"web-1\",\"instance_id\":\"i-1\",\"state\":\"running\",\"launch_time\":\"t1\"},"
            + "\"after\":{\"name\":\"web-1\",\"instance_id\":\"i-1\",\"state\":\"stopped\",\"launch_time\":\"t2\"},"
            + "\"fields\":[\"state\",\"launch_time\"]}\n"
            + "{\"change\":\"removed\",\"service\":\"ec2\",\"provider\":\"aws\",\"region\":\"eu-west-2\","
            + "\"id\":{\"instance_id\":\"i-2\"},"
            + "\"before\":{\"name\":\"web-2\",\"instance_id\":\"i-2\",\"state\":\"running\",\"launch_time\":\"t1\"},"
            + "\"after\":null,\"fields\":null}\n"
            + "{\"change\":\"added\",\"service\":\"ec2\",\"provider\":\"aws\",\"region\":\"eu-west-2\","
            + "\"id\":{\"instance_id\":\"i-3\"},\"before\":null,"
            + "\"after\":{\"name\":\"web-3\",\"instance_id\":\"i-3\",\"state\":\"running\",\"launch_time\":\"t2\"},"
            + "\"fields\":null}\n"
            + "{\"change\":\"changed\",\"service\":\"s3\",\"provider\":\"aws\",\"region\":\"eu-west-2\","
            + "\"id\":{\"bucket_name\":\"logs\"},"
            + "\"before\":{\"bucket_name\":\"logs\",\"versioning_status\":\"Enabled\"},"
            + "\"after\":{\"bucket_name\":\"logs\",\"versioning_status\":\"Suspended\"},"
            + "\"fields\":[\"versioning_status\"]}\n",
        result.out());
  }

  @Test
  void jsonIsOneDocumentWithTheDifferencesAndASummary() throws IOException {
    Cli.Result result = diff("--ignore", "launch_time,state", "-o", "json");
    assertEquals(8, result.exit(), result.toString());
    assertEquals(
        "{\"differences\":["
            + "{\"change\":\"removed\",\"service\":\"ec2\",\"provider\":\"aws\",\"region\":\"eu-west-2\","
            + "\"id\":{\"instance_id\":\"i-2\"},"
            + "\"before\":{\"name\":\"web-2\",\"instance_id\":\"i-2\",\"state\":\"running\",\"launch_time\":\"t1\"},"
            + "\"after\":null,\"fields\":null},"
            + "{\"change\":\"added\",\"service\":\"ec2\",\"provider\":\"aws\",\"region\":\"eu-west-2\","
            + "\"id\":{\"instance_id\":\"i-3\"},\"before\":null,"
            + "\"after\":{\"name\":\"web-3\",\"instance_id\":\"i-3\",\"state\":\"running\",\"launch_time\":\"t2\"},"
            + "\"fields\":null},"
            + "{\"change\":\"changed\",\"service\":\"s3\",\"provider\":\"aws\",\"region\":\"eu-west-2\","
            + "\"id\":{\"bucket_name\":\"logs\"},"
            + "\"before\":{\"bucket_name\":\"logs\",\"versioning_status\":\"Enabled\"},"
            + "\"after\":{\"bucket_name\":\"logs\",\"versioning_status\":\"Suspended\"},"
            + "\"fields\":[\"versioning_status\"]}"
            + "],\"summary\":{\"added\":1,\"removed\":1,\"changed\":1}}\n",
        result.out());
  }

  @Test
  void markdownIsATablePerSectionWithEscapedCellsAndABoldSummary() throws IOException {
    Cli.Result result = diff("-o", "markdown");
    assertEquals(8, result.exit(), result.toString());
    assertEquals(
        "### EC2 Instances (ec2) · aws · eu-west-2\n"
            + "\n"
            + "| change | instance\\_id | column | old → new |\n"
            + "| --- | --- | --- | --- |\n"
            + "| changed | i-1 | state | running → stopped |\n"
            + "| changed | i-1 | launch\\_time | t1 → t2 |\n"
            + "| removed | i-2 |  |  |\n"
            + "| added | i-3 |  |  |\n"
            + "\n"
            + "### S3 Buckets (s3) · aws · eu-west-2\n"
            + "\n"
            + "| change | bucket\\_name | column | old → new |\n"
            + "| --- | --- | --- | --- |\n"
            + "| changed | logs | versioning\\_status | Enabled → Suspended |\n"
            + "\n"
            + "**4 differences: 1 added, 1 removed, 2 changed**\n",
        result.out());
  }

  @Test
  void anUnknownServiceWithoutAKeyIsMatchedByTheWholeRowSoAChangeIsRemovedPlusAdded()
      throws IOException {
    Cli.Result result =
        cli()
            .run(
                "diff",
                file(
                    "a.jsonl",
                    W + "{\"bucket_name\":\"logs\",\"versioning_status\":\"Enabled\"}}\n"),
                file(
                    "b.jsonl",
                    W + "{\"bucket_name\":\"logs\",\"versioning_status\":\"Suspended\"}}\n"));
    assertEquals(8, result.exit(), result.toString());
    assertEquals(
        "widgets · acme · moon-1\n"
            + "\n"
            + "change   row                                                     column  old -> new\n"
            + "removed  {\"bucket_name\":\"logs\",\"versioning_status\":\"Enabled\"}\n"
            + "added    {\"bucket_name\":\"logs\",\"versioning_status\":\"Suspended\"}\n"
            + "\n"
            + "2 differences: 1 added, 1 removed, 0 changed\n",
        result.out());
    Cli.Result lines =
        cli()
            .run(
                "diff",
                dir.resolve("a.jsonl").toString(),
                dir.resolve("b.jsonl").toString(),
                "-o",
                "jsonl");
    assertEquals(
        "{\"change\":\"removed\",\"service\":\"widgets\",\"provider\":\"acme\",\"region\":\"moon-1\","
            + "\"id\":null,\"before\":{\"bucket_name\":\"logs\",\"versioning_status\":\"Enabled\"},"
            + "\"after\":null,\"fields\":null}\n"
            + "{\"change\":\"added\",\"service\":\"widgets\",\"provider\":\"acme\",\"region\":\"moon-1\","
            + "\"id\":null,\"before\":null,"
            + "\"after\":{\"bucket_name\":\"logs\",\"versioning_status\":\"Suspended\"},\"fields\":null}\n",
        lines.out());
  }

  @Test
  void identicalSnapshotsExitZeroWithNothingOnStdoutInJsonLines() throws IOException {
    String old = file("same-old.jsonl", OLD);
    // The same rows in another order and another column order: still no difference.
    String shuffled =
        file(
            "same-new.jsonl",
            S3
                + "{\"versioning_status\":\"Enabled\",\"bucket_name\":\"logs\"}}\n"
                + EC2
                + "{\"name\":\"web-2\",\"instance_id\":\"i-2\",\"state\":\"running\",\"launch_time\":\"t1\"}}\n"
                + EC2
                + "{\"name\":\"web-1\",\"instance_id\":\"i-1\",\"state\":\"running\",\"launch_time\":\"t1\"}}\n");
    Cli.Result jsonl = cli().run("diff", old, shuffled, "-o", "jsonl");
    assertEquals(0, jsonl.exit(), jsonl.toString());
    assertEquals("", jsonl.out());
    assertEquals("", jsonl.err());
    Cli.Result table = cli().run("diff", old, shuffled);
    assertEquals(0, table.exit(), table.toString());
    assertEquals("No differences.\n", table.out());
    Cli.Result json = cli().run("diff", old, shuffled, "-o", "json");
    assertEquals(
        "{\"differences\":[],\"summary\":{\"added\":0,\"removed\":0,\"changed\":0}}\n", json.out());
    assertEquals(0, json.exit());
  }

  @Test
  void aChangeOnlyInIgnoredColumnsIsNoDifference() throws IOException {
    String old =
        file(
            "i-old.jsonl",
            EC2 + "{\"instance_id\":\"i-1\",\"launch_time\":\"t1\",\"state\":\"on\"}}\n");
    String now =
        file(
            "i-new.jsonl",
            EC2 + "{\"instance_id\":\"i-1\",\"launch_time\":\"t2\",\"state\":\"on\"}}\n");
    Cli.Result byKey = cli().run("diff", old, now, "--ignore", "launch_time", "-o", "jsonl");
    assertEquals(0, byKey.exit(), byKey.toString());
    assertEquals("", byKey.out());
    // Matched by the whole row, the ignored column is left out of the match too.
    Cli.Result whole = cli().run("diff", old, now, "--ignore", "launch_time", "-o", "jsonl");
    assertEquals(0, whole.exit(), whole.toString());
    assertEquals("", whole.out());
    Cli.Result noted = cli().run("diff", old, now, "-o", "jsonl");
    assertEquals(8, noted.exit(), noted.toString());
    assertTrue(noted.out().endsWith(",\"fields\":[\"launch_time\"]}\n"), noted.out());
  }

  @Test
  void theDocumentFormOnOneSideMatchesJsonLinesOnTheOther() throws IOException {
    String document =
        file(
            "old.json",
            "{\"results\":[{\"metadata\":{\"service\":\"ec2\",\"service_label\":\"EC2 Instances\","
                + "\"provider\":\"aws\",\"region\":\"eu-west-2\",\"count\":2,\"timestamp\":\"2026-03-28T14:30:00Z\"},"
                + "\"columns\":[{\"key\":\"name\",\"label\":\"Name\"}],"
                + "\"rows\":[{\"name\":\"web-1\",\"instance_id\":\"i-1\",\"state\":\"running\",\"launch_time\":\"t1\"},"
                + "{\"name\":\"web-2\",\"instance_id\":\"i-2\",\"state\":\"running\",\"launch_time\":\"t1\"}]},"
                + "{\"metadata\":{\"service\":\"s3\",\"provider\":\"aws\",\"region\":\"eu-west-2\"},"
                + "\"rows\":[{\"bucket_name\":\"logs\",\"versioning_status\":\"Enabled\"}]}]}\n");
    Cli.Result same = cli().run("diff", document, file("old.jsonl", OLD), "-o", "jsonl");
    assertEquals(0, same.exit(), same.toString());
    assertEquals("", same.out());
    Cli.Result changed =
        cli()
            .run(
                "diff", file("new.jsonl", NEW), document, "--ignore", "launch_time", "-o", "jsonl");
    assertEquals(8, changed.exit(), changed.toString());
    assertEquals(
        "{\"change\":\"changed\",\"service\":\"ec2\",\"provider\":\"aws\",\"region\":\"eu-west-2\","
            + "\"id\":{\"instance_id\":\"i-1\"},"
            + "\"before\":{\"name\":\"web-1\",\"instance_id\":\"i-1\",\"state\":\"stopped\",\"launch_time\":\"t2\"},"
            + "\"after\":{\"name\":\"web-1\",\"instance_id\":\"i-1\",\"state\":\"running\",\"launch_time\":\"t1\"},"
            + "\"fields\":[\"state\"]}\n"
            + "{\"change\":\"added\",\"service\":\"ec2\",\"provider\":\"aws\",\"region\":\"eu-west-2\","
            + "\"id\":{\"instance_id\":\"i-2\"},\"before\":null,"
            + "\"after\":{\"name\":\"web-2\",\"instance_id\":\"i-2\",\"state\":\"running\",\"launch_time\":\"t1\"},"
            + "\"fields\":null}\n"
            + "{\"change\":\"removed\",\"service\":\"ec2\",\"provider\":\"aws\",\"region\":\"eu-west-2\","
            + "\"id\":{\"instance_id\":\"i-3\"},"
            + "\"before\":{\"name\":\"web-3\",\"instance_id\":\"i-3\",\"state\":\"running\",\"launch_time\":\"t2\"},"
            + "\"after\":null,\"fields\":null}\n"
            + "{\"change\":\"changed\",\"service\":\"s3\",\"provider\":\"aws\",\"region\":\"eu-west-2\","
            + "\"id\":{\"bucket_name\":\"logs\"},"
            + "\"before\":{\"bucket_name\":\"logs\",\"versioning_status\":\"Suspended\"},"
            + "\"after\":{\"bucket_name\":\"logs\",\"versioning_status\":\"Enabled\"},"
            + "\"fields\":[\"versioning_status\"]}\n",
        changed.out());
  }

  @Test
  void dashReadsOneSideFromStdin() throws IOException {
    Cli.Result result =
        cli()
            .stdin(NEW)
            .run("diff", file("old.jsonl", OLD), "-", "--ignore", "launch_time,versioning_status");
    assertEquals(8, result.exit(), result.toString());
    assertEquals(
        "EC2 Instances (ec2) · aws · eu-west-2\n"
            + "\n"
            + "change   instance_id  column  old -> new\n"
            + "changed  i-1          state   running -> stopped\n"
            + "removed  i-2\n"
            + "added    i-3\n"
            + "\n"
            + "3 differences: 1 added, 1 removed, 1 changed\n",
        result.out());
    Cli.Result both = cli().run("diff", "-", "-");
    assertEquals(2, both.exit());
    assertEquals(
        "lightpane: Only one of OLD and NEW can be '-' (stdin): give the other as a file\n",
        both.err());
  }

  @Test
  void servicesTheCatalogueDoesNotKnowAreMatchedByTheirKey() throws IOException {
    String old =
        file(
            "u-old.jsonl",
            "{\"service\":\"widgets\",\"provider\":\"acme\",\"region\":\"moon-1\",\"row\":{\"uuid\":7,\"size\":1}}\n");
    String now =
        file(
            "u-new.jsonl",
            "{\"service\":\"widgets\",\"provider\":\"acme\",\"region\":\"moon-1\",\"row\":{\"uuid\":7,\"size\":2.50}}\n");
    Cli.Result result = cli().run("diff", old, now, "--key", "widgets=uuid");
    assertEquals(8, result.exit(), result.toString());
    assertEquals(
        "widgets · acme · moon-1\n"
            + "\n"
            + "change   uuid  column  old -> new\n"
            + "changed  7     size    1 -> 2.50\n"
            + "\n"
            + "1 difference: 0 added, 0 removed, 1 changed\n",
        result.out());
  }

  @Test
  void malformedInputIsExitTwoNamingTheFileTheLineAndWhatWasWrong() throws IOException {
    assertFailure(
        "bad.jsonl",
        EC2 + "{\"instance_id\":\"i-1\"}}\n{\"service\": oops}\n",
        "bad.jsonl:2: not valid JSON: Unrecognized token 'oops'");
    assertFailure(
        "norow.jsonl",
        EC2 + "{\"a\":1}}\n\n{\"service\":\"ec2\",\"provider\":\"aws\",\"region\":\"r\"}\n",
        "norow.jsonl:3: no \"row\": a line of 'discover -o jsonl' has service, provider, region and row");
    assertFailure(
        "string.jsonl",
        "{\"service\":\"ec2\",\"provider\":\"aws\",\"region\":\"r\",\"row\":\"x\"}\n",
        "string.jsonl:1: \"row\" must be a JSON object, found a string");
    assertFailure(
        "other.json",
        "{\"grants\":[]}\n",
        "other.json:1: neither a line of 'discover -o jsonl' ({\"service\", \"provider\", \"region\", \"row\"})"
            + " nor a 'discover -o json' document ({\"results\": [...]})");
    assertFailure("array.json", "[1,2]\n", "array.json:1: expected a JSON object, found an array");
    assertFailure(
        "rows.json",
        "{\"results\":[{\"metadata\":{\"service\":\"s3\"},\n\"rows\":[1]}]}",
        "rows.json:2: results[0].rows[0] must be an object");
    assertFailure(
        "cut.jsonl",
        EC2 + "{\"instance_id\":\"i-1\"",
        "cut.jsonl:1: not valid JSON: Unexpected end-of-input");
  }

  private void assertFailure(String name, String content, String expected) throws IOException {
    String bad = file(name, content);
    Cli.Result result = cli().run("diff", file("good.jsonl", OLD), bad);
    assertEquals(2, result.exit(), result.toString());
    assertEquals("", result.out());
    String expectedStart =
        "lightpane: " + bad.substring(0, bad.length() - name.length()) + expected;
    assertTrue(
        result.err().startsWith(expectedStart), "expected " + expectedStart + "\n" + result.err());
    assertEquals(1, result.err().lines().count(), result.err());
  }

  @Test
  void aMissingFileOrABadFormatIsAUsageError() throws IOException {
    Cli.Result missing =
        cli().run("diff", file("old.jsonl", OLD), dir.resolve("nope.jsonl").toString());
    assertEquals(2, missing.exit());
    assertEquals("lightpane: No such file: " + dir.resolve("nope.jsonl") + "\n", missing.err());
    Cli.Result directory = cli().run("diff", file("old.jsonl", OLD), dir.toString());
    assertEquals(2, directory.exit());
    assertEquals("lightpane: Cannot read " + dir + ": Is a directory\n", directory.err());
    Cli.Result format = diff("-o", "csv");
    assertEquals(2, format.exit());
    assertEquals(
        "lightpane: Unknown output format 'csv' for a diff: use table, jsonl, json or markdown\n",
        format.err());
    Cli.Result key = diff("--key", "ec2=");
    assertEquals(2, key.exit());
    assertEquals(
        "lightpane: Invalid --key 'ec2=': give a column, e.g. --key instance_id, or SERVICE=COLUMN,"
            + " e.g. --key ec2=name\n",
        key.err());
  }

  @Test
  void controlCharactersInValuesAreShownEscapedInTheTable() throws IOException {
    String old = file("c-old.jsonl", EC2 + "{\"instance_id\":\"i-1\",\"name\":\"a\"}}\n");
    String now =
        file("c-new.jsonl", EC2 + "{\"instance_id\":\"i-1\",\"name\":\"\\u001b[31mred\\nx\"}}\n");
    Cli.Result result = cli().run("diff", old, now);
    assertEquals(8, result.exit(), result.toString());
    assertEquals(
        "EC2 Instances (ec2) · aws · eu-west-2\n"
            + "\n"
            + "change   instance_id  column  old -> new\n"
            + "changed  i-1          name    a -> \\u001b[31mred\\nx\n"
            + "\n"
            + "1 difference: 0 added, 0 removed, 1 changed\n",
        result.out());
  }

  @Test
  void knownServicesAreMatchedByTheCatalogueIdentityAndServiceKeysOverrideIt() throws IOException {
    String old = file("k-old.jsonl", EC2 + "{\"instance_id\":\"i-1\",\"name\":\"a\"}}\n");
    String now = file("k-new.jsonl", EC2 + "{\"instance_id\":\"i-9\",\"name\":\"a\"}}\n");
    Cli.Result catalogue = cli().run("diff", old, now, "-o", "jsonl");
    assertEquals(8, catalogue.exit(), catalogue.toString());
    assertEquals("", catalogue.err());
    assertEquals(
        "{\"change\":\"removed\",\"service\":\"ec2\",\"provider\":\"aws\",\"region\":\"eu-west-2\","
            + "\"id\":{\"instance_id\":\"i-1\"},\"before\":{\"instance_id\":\"i-1\",\"name\":\"a\"},"
            + "\"after\":null,\"fields\":null}\n"
            + "{\"change\":\"added\",\"service\":\"ec2\",\"provider\":\"aws\",\"region\":\"eu-west-2\","
            + "\"id\":{\"instance_id\":\"i-9\"},\"before\":null,"
            + "\"after\":{\"instance_id\":\"i-9\",\"name\":\"a\"},\"fields\":null}\n",
        catalogue.out());
    Cli.Result byName = cli().run("diff", old, now, "--key", "ec2=name", "-o", "jsonl");
    assertEquals(8, byName.exit(), byName.toString());
    assertEquals(
        "{\"change\":\"changed\",\"service\":\"ec2\",\"provider\":\"aws\",\"region\":\"eu-west-2\","
            + "\"id\":{\"name\":\"a\"},\"before\":{\"instance_id\":\"i-1\",\"name\":\"a\"},"
            + "\"after\":{\"instance_id\":\"i-9\",\"name\":\"a\"},\"fields\":[\"instance_id\"]}\n",
        byName.out());
    Cli.Result plain = cli().run("diff", old, now, "--key", "name", "-o", "jsonl");
    assertEquals(8, plain.exit(), plain.toString());
    assertEquals(catalogue.out(), plain.out());
    assertEquals(
        "lightpane: note: --key name was not used: the catalogue identifies ec2 by instance_id;"
            + " to match a service by another column, give --key SERVICE=COLUMN\n",
        plain.err());
  }

  @Test
  void helpListsExitCodeEightForFindings() {
    Cli.Result help = cli().run("diff", "--help");
    assertEquals(0, help.exit());
    assertTrue(
        help.out().contains("\n  8     Findings: diff or --compare-to found a difference.\n"),
        help.out());
  }
}
