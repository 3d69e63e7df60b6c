package cloud.lightpane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.stub.StubServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keys list} shaped like discovery: --where, --sort-by, --limit, -o tsv, -o markdown,
 * --no-headers, --jq and --fail-if-any, against the reference server with three keys made here
 * (ci-alpha and ci-gamma active api keys, ci-beta an api key revoked, page-embed an embed key).
 */
class KeysListShapingTest {
  private static final String TSV_HEADER =
      "grant_id\tgrant_type\tlabel\ttoken_prefix\tcloud_bindings\tallowed_services\tconstraints"
          + "\tcreated_at\texpires_at\tlast_used_at\trevoked\tgroup_id";

  private static StubServer server;
  private static Path home;

  @TempDir static Path config;

  @BeforeAll
  static void start() {
    server = StubServer.builder().build().start();
    home = config;
    create("api_key", "ci-gamma", "ec2");
    create("api_key", "ci-alpha", "s3,ec2");
    String beta = create("api_key", "ci-beta", "s3");
    create("embed", "page-embed", null);
    Cli.Result revoked = cli().run("keys", "revoke", beta);
    assertEquals(0, revoked.exit(), revoked.toString());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Cli cli() {
    return Cli.in(home)
        .env("LIGHTPANE_BASE_URL", server.uri().toString())
        .env("LIGHTPANE_SESSION", server.sessionCookie());
  }

  /** Creates a key with the CLI; returns its grant id (from the JSON answer). */
  private static String create(String type, String label, String services) {
    List<String> args =
        new ArrayList<>(List.of("keys", "create", "--type", type, "--label", label, "-o", "json"));
    if (services != null) {
      args.addAll(List.of("--services", services));
    } else {
      args.addAll(List.of("--allowed-origin", "https://app.example.com"));
    }
    Cli.Result created = cli().run(args.toArray(new String[0]));
    assertEquals(0, created.exit(), created.toString());
    try {
      return ServerAnswers.JSON.readTree(created.out()).get("grant").get("grant_id").asText();
    } catch (Exception e) {
      throw new AssertionError(created.out(), e);
    }
  }

  private static Cli.Result ok(String... args) {
    Cli.Result result = cli().run(args);
    assertEquals(0, result.exit(), result.toString());
    return result;
  }

  /** The given field of each TSV line. */
  private static List<String> field(String tsv, int index) {
    List<String> values = new ArrayList<>();
    for (String line : tsv.split("\n")) {
      values.add(line.split("\t", -1)[index]);
    }
    return values;
  }

  @Test
  void whereSortByAndLimitPickAndOrderTheKeys() {
    Cli.Result sorted =
        ok(
            "keys",
            "list",
            "--where",
            "label~^ci-",
            "--sort-by",
            "label:desc",
            "-o",
            "tsv",
            "--no-headers");
    assertEquals(List.of("ci-gamma", "ci-beta", "ci-alpha"), field(sorted.out(), 2));

    Cli.Result active =
        ok(
            "keys",
            "list",
            "--where",
            "label~^ci-",
            "--where",
            "revoked=false",
            "--sort-by",
            "label",
            "-o",
            "tsv",
            "--no-headers");
    assertEquals(List.of("ci-alpha", "ci-gamma"), field(active.out(), 2));
    assertEquals(List.of("false", "false"), field(active.out(), 10));

    Cli.Result limited =
        ok(
            "keys",
            "list",
            "--where",
            "label~^ci-",
            "--sort-by",
            "label",
            "--limit",
            "2",
            "-o",
            "tsv",
            "--no-headers");
    assertEquals(List.of("ci-alpha", "ci-beta"), field(limited.out(), 2));

    Cli.Result embeds =
        ok("keys", "list", "--where", "grant_type=embed", "-o", "tsv", "--no-headers");
    assertEquals(List.of("page-embed"), field(embeds.out(), 2));
  }

  @Test
  void tsvHasTheRecordsKeysAsHeaderAndLfLineEnds() {
    Cli.Result tsv = ok("keys", "list", "--where", "label=ci-alpha", "-o", "tsv");
    assertFalse(tsv.out().contains("\r"), "TSV ends lines with LF only");
    String[] lines = tsv.out().split("\n");
    assertEquals(2, lines.length, tsv.out());
    assertEquals(TSV_HEADER, lines[0]);
    String[] cells = lines[1].split("\t", -1);
    assertEquals("api_key", cells[1]);
    assertEquals("[\"s3\",\"ec2\"]", cells[5]);
    assertEquals("", cells[9], "never used: null is empty");
  }

  @Test
  void csvStaysCrlfAsTheIssueDecided() {
    Cli.Result csv = ok("keys", "list", "--where", "label=ci-gamma", "-o", "csv");
    assertTrue(csv.out().startsWith("grant_id,grant_type,label,token_prefix,"), csv.out());
    assertEquals(2, csv.out().split("\r\n").length, csv.out());
    assertTrue(csv.out().endsWith("\r\n"), csv.out());
    Cli.Result bare = ok("keys", "list", "--where", "label=ci-gamma", "-o", "csv", "--no-headers");
    assertTrue(bare.out().matches("[0-9a-f-]{36},api_key,ci-gamma,.*\r\n"), bare.out());
  }

  @Test
  void markdownIsAGithubTableOfThePeoplesView() {
    Cli.Result markdown = ok("keys", "list", "--where", "label=ci-alpha", "-o", "markdown");
    String[] lines = markdown.out().split("\n");
    assertEquals(3, lines.length, markdown.out());
    assertEquals(
        "| Grant ID | Type | Label | Token | Services | Accounts | Expires | Last used | Status |",
        lines[0]);
    assertEquals("|" + " --- |".repeat(9), lines[1]);
    // Markdown escapes what would format (an underscore), the cells are the table's view.
    assertTrue(lines[2].contains(" | api\\_key | ci-alpha | csl\\_ak\\_..."), lines[2]);
    assertTrue(lines[2].contains(" | s3,ec2 | aws:"), lines[2]);
    assertTrue(lines[2].endsWith(" | never | active |"), lines[2]);

    Cli.Result revoked =
        ok("keys", "list", "--where", "label=ci-beta", "-o", "markdown", "--no-headers");
    String[] only = revoked.out().split("\n");
    assertEquals(1, only.length, revoked.out());
    assertTrue(only[0].endsWith(" | revoked |"), only[0]);
  }

  @Test
  void noKeyLeftIsSaidInWordsInTableAndMarkdownAndIsEmptyWithoutHeaders() {
    assertEquals("(no keys)\n", ok("keys", "list", "--where", "label=nobody").out());
    assertEquals(
        "_No keys._\n", ok("keys", "list", "--where", "label=nobody", "-o", "markdown").out());
    assertEquals(
        "", ok("keys", "list", "--where", "label=nobody", "-o", "markdown", "--no-headers").out());
    assertEquals("", ok("keys", "list", "--where", "label=nobody", "--no-headers").out());
  }

  @Test
  void tableWithoutHeadersPrintsOnlyTheRows() {
    Cli.Result table = ok("keys", "list", "--where", "label~^ci-", "--no-headers");
    String[] lines = table.out().split("\n");
    assertEquals(3, lines.length, table.out());
    assertFalse(table.out().contains("Grant ID"), table.out());
    assertTrue(table.out().contains("ci-gamma"), table.out());
  }

  @Test
  void jqRunsOnTheShapedGrantsDocument() {
    Cli.Result labels =
        ok(
            "keys",
            "list",
            "--where",
            "label~^ci-",
            "--sort-by",
            "label",
            "--jq",
            ".grants[].label");
    assertEquals("ci-alpha\nci-beta\nci-gamma\n", labels.out());
    Cli.Result count =
        ok(
            "keys",
            "list",
            "--where",
            "grant_type=api_key",
            "--where",
            "revoked=true",
            "--jq",
            ".grants | length");
    assertEquals("1\n", count.out());
  }

  @Test
  void failIfAnyExitsEightWhenAKeyIsLeft() {
    Cli.Result found =
        cli()
            .run(
                "keys",
                "list",
                "--where",
                "revoked=true",
                "--where",
                "label~^ci-",
                "--fail-if-any",
                "-o",
                "tsv",
                "--no-headers");
    assertEquals(8, found.exit(), found.toString());
    assertEquals(List.of("ci-beta"), field(found.out(), 2));
    assertTrue(found.err().contains("1 key found"), found.err());
    Cli.Result none =
        cli().run("keys", "list", "--where", "label=nobody", "--fail-if-any", "-o", "csv");
    assertEquals(0, none.exit(), none.toString());
  }

  @Test
  void optionsTheFormatOrTheKeysCannotUseAreUsageErrors() {
    Cli.Result excel = cli().run("keys", "list", "-o", "json", "--excel-safe");
    assertEquals(2, excel.exit(), excel.toString());
    assertTrue(
        excel.err().contains("--excel-safe does not apply to -o json; only csv takes it"),
        excel.err());
    assertEquals("", excel.out());

    Cli.Result tableExcel = cli().run("keys", "list", "--excel-safe");
    assertEquals(2, tableExcel.exit(), tableExcel.toString());

    Cli.Result headers = cli().run("keys", "list", "-o", "jsonl", "--no-headers");
    assertEquals(2, headers.exit(), headers.toString());
    assertTrue(headers.err().contains("only table, csv, tsv and markdown take it"), headers.err());

    Cli.Result unknown = cli().run("keys", "list", "--where", "owner=me");
    assertEquals(2, unknown.exit(), unknown.toString());
    assertTrue(
        unknown.err().contains("Unknown column 'owner' for keys list; its columns are: grant_id,"),
        unknown.err());

    Cli.Result sortUnknown = cli().run("keys", "list", "--sort-by", "age");
    assertEquals(2, sortUnknown.exit(), sortUnknown.toString());

    Cli.Result badJq = cli().run("keys", "list", "--jq", ".grants[");
    assertEquals(2, badJq.exit(), badJq.toString());
    assertTrue(badJq.err().contains("is not a valid jq expression"), badJq.err());
    assertTrue(badJq.err().contains("column"), badJq.err());

    Cli.Result jqCsv = cli().run("keys", "list", "--jq", ".grants", "-o", "csv");
    assertEquals(2, jqCsv.exit(), jqCsv.toString());

    Cli.Result negative = cli().run("keys", "list", "--limit", "-1");
    assertEquals(2, negative.exit(), negative.toString());
    assertTrue(negative.err().contains("--limit -1"), negative.err());
    assertFalse(negative.err().contains("Exception"), negative.err());
  }

  @Test
  void servicesShareTheOneFormatCheck() {
    Cli.Result services = cli().run("services", "-o", "json", "--no-headers");
    assertEquals(2, services.exit(), services.toString());
    assertTrue(
        services
            .err()
            .contains("--no-headers does not apply to -o json; only table, csv, tsv and markdown"),
        services.err());
  }
}
