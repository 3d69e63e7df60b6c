package cloud.lightpane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.stub.StubServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --where}, {@code --sort-by}, {@code --limit}, {@code --fail-if-any}, {@code --jq} and
 * {@code --dry-run} against the reference server. Expected rows come from the unshaped JSON Lines
 * of the same request, filtered and sorted here by plain Java.
 */
class ShapingCommandTest {
  private static StubServer server;

  @TempDir Path config;

  @BeforeAll
  static void start() {
    server = StubServer.builder().build().start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private Cli cli() {
    return Cli.in(config).env("LIGHTPANE_BASE_URL", server.uri().toString());
  }

  /** The JSON Lines of a run, one node per line. */
  private List<JsonNode> jsonl(String... args) throws Exception {
    Cli.Result result = cli().run(args);
    assertEquals(0, result.exit(), result.toString());
    List<JsonNode> lines = new ArrayList<>();
    for (String line : result.out().split("\n")) {
      if (!line.isEmpty()) {
        lines.add(ServerAnswers.JSON.readTree(line));
      }
    }
    return lines;
  }

  private static List<JsonNode> filter(List<JsonNode> lines, Predicate<JsonNode> row) {
    List<JsonNode> kept = new ArrayList<>();
    for (JsonNode line : lines) {
      if (row.test(line.get("row"))) {
        kept.add(line);
      }
    }
    return kept;
  }

  @Test
  void whereKeepsExactlyTheRowsThatSatisfyEveryTerm() throws Exception {
    List<JsonNode> all = jsonl("discover", "s3", "-r", "eu-west-2,us-east-1", "-o", "jsonl");
    List<JsonNode> expected =
        filter(
            all,
            row ->
                !row.get("versioning_status").asText().equals("Enabled")
                    && row.get("object_count").asLong() > 100000);
    // The demo data splits: 4 of the 10 buckets are unversioned and hold over 100000 objects.
    assertEquals(10, all.size());
    assertEquals(
        List.of(
            "kestrel-logs-prod-eu-west-2",
            "kestrel-logs-staging-eu-west-2",
            "kestrel-logs-prod-us-east-1",
            "kestrel-logs-staging-us-east-1"),
        expected.stream().map(line -> line.get("row").get("bucket_name").asText()).toList());
    List<JsonNode> shaped =
        jsonl(
            "discover",
            "s3",
            "-r",
            "eu-west-2,us-east-1",
            "-o",
            "jsonl",
            "--where",
            "versioning_status!=Enabled",
            "--where",
            "object_count>100000");
    assertEquals(expected, shaped);
  }

  @Test
  void whereRegexAndNumbersWrittenAsDecimals() throws Exception {
    List<JsonNode> all = jsonl("discover", "lambda_functions", "-r", "eu-west-2", "-o", "jsonl");
    long memory = all.get(0).get("row").get("memory_size").asLong();
    List<JsonNode> expected = filter(all, row -> row.get("memory_size").asLong() == memory);
    assertEquals(
        expected,
        jsonl(
            "discover",
            "lambda_functions",
            "-r",
            "eu-west-2",
            "-o",
            "jsonl",
            "--where",
            "memory_size=" + memory + ".0"));
    List<JsonNode> prod = filter(all, row -> row.get("function_name").asText().startsWith("prod"));
    assertEquals(
        prod,
        jsonl(
            "discover",
            "lambda_functions",
            "-r",
            "eu-west-2",
            "-o",
            "jsonl",
            "--where",
            "function_name~^prod"));
  }

  @Test
  void sortByOrdersEachResultWithTieBreaksAndLimitKeepsTheFirstRowsOfEach() throws Exception {
    List<JsonNode> all = jsonl("discover", "ec2", "-r", "eu-west-2,us-east-1", "-o", "jsonl");
    Comparator<JsonNode> order =
        Comparator.<JsonNode, String>comparing(l -> l.get("row").get("instance_type").asText())
            .reversed()
            .thenComparing(l -> l.get("row").get("name").asText());
    List<JsonNode> expected = new ArrayList<>();
    for (String region : List.of("eu-west-2", "us-east-1")) {
      List<JsonNode> rows = new ArrayList<>();
      for (JsonNode line : all) {
        if (line.get("region").asText().equals(region)) {
          rows.add(line);
        }
      }
      rows.sort(order);
      expected.addAll(rows.subList(0, 3));
    }
    List<JsonNode> shaped =
        jsonl(
            "discover",
            "ec2",
            "-r",
            "eu-west-2,us-east-1",
            "-o",
            "jsonl",
            "--sort-by",
            "instance_type:desc",
            "--sort-by",
            "name",
            "--limit",
            "3");
    assertEquals(expected, shaped);
  }

  @Test
  void limitAloneStopsAtTheFirstRows() throws Exception {
    List<JsonNode> all = jsonl("discover", "ec2", "-r", "eu-west-2", "-o", "jsonl");
    assertEquals(
        all.subList(0, 2),
        jsonl("discover", "ec2", "-r", "eu-west-2", "-o", "jsonl", "--limit", "2"));
    Cli.Result csv = cli().run("discover", "ec2", "-r", "eu-west-2", "-o", "csv", "--limit", "0");
    assertEquals(0, csv.exit(), csv.toString());
    assertTrue(csv.out().startsWith("name,instance_id,"), csv.out());
    assertEquals(1, csv.out().split("\r\n").length, "a header and no rows: " + csv.out());
  }

  @Test
  void anUnknownKeyIsAUsageErrorListingTheColumns() {
    Cli.Result result = cli().run("discover", "s3", "-r", "eu-west-2", "--where", "colour=red");
    assertEquals(2, result.exit(), result.toString());
    assertTrue(
        result.err().contains("Unknown column 'colour'")
            && result.err().contains("bucket_name, creation_date, region, versioning_status"),
        result.err());
    Cli.Result sort = cli().run("discover", "s3", "-r", "eu-west-2", "--sort-by", "size:up");
    assertEquals(2, sort.exit(), sort.toString());
    assertTrue(sort.err().contains("KEY:asc or KEY:desc"), sort.err());
  }

  @Test
  void failIfAnyExitsEightOnlyWhenARowIsPrinted() {
    Cli.Result found =
        cli()
            .run(
                "discover",
                "s3",
                "-r",
                "eu-west-2",
                "-o",
                "csv",
                "--where",
                "versioning_status!=Enabled",
                "--fail-if-any");
    assertEquals(8, found.exit(), found.toString());
    assertTrue(found.out().contains("Suspended"), found.out());
    Cli.Result none =
        cli()
            .run(
                "discover",
                "s3",
                "-r",
                "eu-west-2",
                "--where",
                "versioning_status=NoSuchStatus",
                "--fail-if-any");
    assertEquals(0, none.exit(), none.toString());
  }

  @Test
  void whereWithJsonKeepsTheApiShapeAndCountsTheKeptRows() throws Exception {
    Cli.Result result =
        cli()
            .run(
                "discover",
                "s3",
                "-r",
                "eu-west-2",
                "-o",
                "json",
                "--where",
                "versioning_status=Suspended");
    assertEquals(0, result.exit(), result.toString());
    JsonNode document = ServerAnswers.JSON.readTree(result.out());
    JsonNode first = document.get("results").get(0);
    // Of the demo's five eu-west-2 buckets, the two log buckets are Suspended.
    List<String> kept = new java.util.ArrayList<>();
    for (JsonNode row : first.get("rows")) {
      assertEquals("Suspended", row.get("versioning_status").asText());
      kept.add(row.get("bucket_name").asText());
    }
    assertEquals(List.of("kestrel-logs-prod-eu-west-2", "kestrel-logs-staging-eu-west-2"), kept);
    assertEquals(2, first.get("metadata").get("count").asInt());
    assertEquals("bucket_name", first.get("columns").get(0).get("key").asText());
  }

  @Test
  void jqPrintsStringsRawAndOtherValuesAsCompactJson() throws Exception {
    List<JsonNode> all = jsonl("discover", "s3", "-r", "eu-west-2", "-o", "jsonl");
    StringBuilder names = new StringBuilder();
    for (JsonNode line : all) {
      names.append(line.get("row").get("bucket_name").asText()).append('\n');
    }
    Cli.Result raw =
        cli().run("discover", "s3", "-r", "eu-west-2", "--jq", ".results[].rows[].bucket_name");
    assertEquals(0, raw.exit(), raw.toString());
    assertEquals(names.toString(), raw.out());

    Cli.Result compact =
        cli().run("discover", "s3", "-r", "eu-west-2", "--jq", ".results[0].metadata | {region}");
    assertEquals("{\"region\":\"eu-west-2\"}\n", compact.out());

    Cli.Result bad = cli().run("discover", "s3", "-r", "eu-west-2", "--jq", ".results[");
    assertEquals(2, bad.exit(), bad.toString());
    assertTrue(bad.err().contains("column 9"), bad.err());
    Cli.Result csv = cli().run("discover", "s3", "-r", "eu-west-2", "--jq", ".", "-o", "csv");
    assertEquals(2, csv.exit(), csv.toString());
  }

  @Test
  void optionsAFormatCannotUseAreUsageErrors() {
    Cli.Result bom = cli().run("discover", "s3", "-r", "eu-west-2", "--bom");
    assertEquals(2, bom.exit(), bom.toString());
    assertEquals("lightpane: --bom does not apply to -o table; only csv takes it\n", bom.err());
    Cli.Result headers =
        cli().run("discover", "s3", "-r", "eu-west-2", "-o", "json", "--no-headers");
    assertEquals(2, headers.exit(), headers.toString());
    assertTrue(headers.err().contains("only table, csv, tsv and markdown take it"), headers.err());
  }

  @Test
  void noHeadersPrintsOnlyRows() throws Exception {
    List<JsonNode> all =
        jsonl("discover", "s3", "-r", "eu-west-2", "-a", "bucket_name", "-o", "jsonl");
    StringBuilder expected = new StringBuilder();
    for (JsonNode line : all) {
      expected.append(line.get("row").get("bucket_name").asText()).append('\n');
    }
    for (String format : List.of("table", "tsv")) {
      Cli.Result result =
          cli()
              .run(
                  "discover",
                  "s3",
                  "-r",
                  "eu-west-2",
                  "-a",
                  "bucket_name",
                  "-o",
                  format,
                  "--no-headers");
      assertEquals(0, result.exit(), result.toString());
      assertEquals(expected.toString(), result.out(), format);
    }
  }

  @Test
  void dryRunPrintsEveryBatchOfRegionAllAndSendsNothing() throws Exception {
    // No server: a request sent would fail with a network error.
    Cli.Result result =
        Cli.in(config)
            .env("LIGHTPANE_BASE_URL", "http://127.0.0.1:9")
            .run(
                "discover",
                "s3",
                "ec2",
                "lambda_functions",
                "rds_instances",
                "iam_users",
                "-r",
                "all",
                "--dry-run");
    assertEquals(0, result.exit(), result.toString());
    JsonNode requests = ServerAnswers.JSON.readTree(result.out()).get("requests");
    List<String> aws = cloud.lightpane.stub.inventory.Catalogue.builtIn().regions("aws");
    List<String> expected = new ArrayList<>();
    for (String service : List.of("s3", "ec2", "lambda_functions", "rds_instances")) {
      for (String region : aws) {
        expected.add(service + "/" + region);
      }
    }
    expected.add("iam_users/global");
    List<String> sent = new ArrayList<>();
    for (JsonNode request : requests) {
      for (JsonNode entry : request.get("services")) {
        assertEquals("aws", entry.get("provider").asText());
        sent.add(entry.get("service").asText() + "/" + entry.get("region").asText());
      }
    }
    assertEquals(expected, sent);
    assertEquals(100, requests.get(0).get("services").size(), "the contract's cap per request");
    assertEquals(2, requests.size());
  }

  @Test
  void fileEntriesTakeRegionAttributesAndAccountFromTheCommandLine() throws Exception {
    Path request = config.resolve("request.json");
    Files.writeString(
        request,
        "{\"services\":[{\"service\":\"s3\",\"provider\":\"aws\",\"region\":\"eu-west-2\"},"
            + "{\"service\":\"ec2\",\"provider\":\"aws\",\"region\":\"eu-west-1\","
            + "\"attributes\":[\"name\"]}]}");
    Cli.Result result =
        cli()
            .run(
                "discover",
                "-f",
                request.toString(),
                "-r",
                "us-east-1,us-west-2",
                "-a",
                "region",
                "--account",
                "prod",
                "--dry-run");
    assertEquals(0, result.exit(), result.toString());
    assertEquals(
        "{\"requests\":[{\"services\":["
            + "{\"service\":\"s3\",\"provider\":\"aws\",\"region\":\"us-east-1\",\"attributes\":[\"region\"],\"account\":\"prod\"},"
            + "{\"service\":\"s3\",\"provider\":\"aws\",\"region\":\"us-west-2\",\"attributes\":[\"region\"],\"account\":\"prod\"},"
            + "{\"service\":\"ec2\",\"provider\":\"aws\",\"region\":\"us-east-1\",\"attributes\":[\"region\"],\"account\":\"prod\"},"
            + "{\"service\":\"ec2\",\"provider\":\"aws\",\"region\":\"us-west-2\",\"attributes\":[\"region\"],\"account\":\"prod\"}"
            + "]}]}\n",
        result.out());
  }

  @Test
  void markdownHasAHeadingATableAndAnEmptyResultLine() {
    Cli.Result result =
        cli()
            .run(
                "discover",
                "s3",
                "-r",
                "eu-west-2",
                "-a",
                "bucket_name,versioning_status",
                "-o",
                "markdown",
                "--where",
                "versioning_status=Suspended");
    assertEquals(0, result.exit(), result.toString());
    assertEquals(
        "### S3 Buckets (s3) · aws · eu-west-2\n\n"
            + "| Bucket Name | Versioning |\n"
            + "| --- | --- |\n"
            + "| kestrel-logs-prod-eu-west-2 | Suspended |\n"
            + "| kestrel-logs-staging-eu-west-2 | Suspended |\n",
        result.out());
    Cli.Result empty =
        cli().run("discover", "s3", "-r", "eu-west-2", "-o", "markdown", "--where", "region=x");
    assertEquals("### S3 Buckets (s3) · aws · eu-west-2\n\n_No rows._\n", empty.out());
  }

  @Test
  void servicesListsTheCatalogueAndDescribeShowsOneService() throws Exception {
    Cli.Result list = cli().run("services", "-p", "gcp", "-o", "tsv");
    assertEquals(0, list.exit(), list.toString());
    String[] lines = list.out().split("\n");
    assertEquals("id\tprovider\tlabel\tscope\tcolumns", lines[0]);
    assertEquals("gcp_compute_instances\tgcp\tCompute Engine Instances\tregional\t8", lines[1]);
    assertEquals(10, lines.length, list.out());

    Cli.Result describe = cli().run("services", "describe", "iam_users", "-o", "json");
    assertEquals(0, describe.exit(), describe.toString());
    JsonNode service = ServerAnswers.JSON.readTree(describe.out());
    Map<String, Object> top = new LinkedHashMap<>();
    service.fieldNames().forEachRemaining(name -> top.put(name, null));
    assertTrue(
        top.keySet()
            .containsAll(List.of("id", "provider", "label", "global", "columns", "regions")));
    assertEquals("aws", service.get("provider").asText());
    assertTrue(service.get("global").asBoolean());
    assertEquals("[\"global\"]", service.get("regions").toString());
    assertEquals("[\"arn\"]", service.get("id_columns").toString());
    Cli.Result ec2 = cli().run("services", "describe", "ec2");
    assertTrue(
        ec2.out().contains("\nIdentity: instance_id (what diff matches rows by)\n"), ec2.out());

    Cli.Result unknown = cli().run("services", "describe", "nope");
    assertEquals(2, unknown.exit(), unknown.toString());
  }
}
