package cloud.lightpane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.cli.terminal.TerminalFacts;
import cloud.lightpane.stub.StubServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.opencsv.CSVReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lightpane discover} in every format, against the reference server. */
class DiscoverCommandTest {
  private static StubServer server;

  @TempDir Path config;

  @BeforeAll
  static void start() {
    server =
        StubServer.builder()
            .clock(Clock.fixed(Instant.parse("2026-03-28T14:30:00Z"), ZoneOffset.UTC))
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private Cli cli() {
    return Cli.in(config).env("LIGHTPANE_BASE_URL", server.uri().toString());
  }

  @Test
  void csvOfOneServiceHoldsExactlyTheServersColumnsAndRows() throws Exception {
    Cli.Result result = cli().run("discover", "ec2", "--region", "eu-west-2", "-o", "csv");
    assertEquals(0, result.exit(), result.toString());
    assertEquals("", result.err());

    JsonNode expected =
        ServerAnswers.discover(
                server.uri(),
                "{\"services\":[{\"service\":\"ec2\",\"provider\":\"aws\",\"region\":\"eu-west-2\"}]}")
            .get("results")
            .get(0);
    List<String[]> lines = parseCsv(result.out());
    List<String> keys = new ArrayList<>();
    expected.get("columns").forEach(column -> keys.add(column.get("key").asText()));
    assertEquals(keys, List.of(lines.get(0)));
    assertEquals(expected.get("rows").size() + 1, lines.size());
    assertTrue(expected.get("rows").size() > 0, "the demo data has ec2 rows in eu-west-2");
    for (int r = 0; r < expected.get("rows").size(); r++) {
      JsonNode row = expected.get("rows").get(r);
      for (int c = 0; c < keys.size(); c++) {
        assertEquals(ServerAnswers.cell(row.get(keys.get(c))), lines.get(r + 1)[c]);
      }
    }
  }

  @Test
  void csvOfSeveralServicesAndRegionsSaysWhereEachRowCameFrom() throws Exception {
    Cli.Result result =
        cli().run("discover", "s3", "ec2", "-r", "eu-west-2,us-east-1", "-o", "csv");
    assertEquals(0, result.exit(), result.toString());
    List<String[]> lines = parseCsv(result.out());
    List<String> header = List.of(lines.get(0));
    assertEquals(List.of("_service", "_provider", "_region"), header.subList(0, 3));
    // The union of the catalogue's columns, s3's first: it does not depend on the data.
    assertEquals("bucket_name", header.get(3));
    assertTrue(header.contains("instance_id"));
    assertTrue(header.contains("region"), "s3's own region column does not collide");

    JsonNode expected =
        ServerAnswers.discover(
            server.uri(),
            "{\"services\":["
                + "{\"service\":\"s3\",\"provider\":\"aws\",\"region\":\"eu-west-2\"},"
                + "{\"service\":\"s3\",\"provider\":\"aws\",\"region\":\"us-east-1\"},"
                + "{\"service\":\"ec2\",\"provider\":\"aws\",\"region\":\"eu-west-2\"},"
                + "{\"service\":\"ec2\",\"provider\":\"aws\",\"region\":\"us-east-1\"}]}");
    int line = 1;
    for (JsonNode resultNode : expected.get("results")) {
      JsonNode meta = resultNode.get("metadata");
      for (JsonNode row : resultNode.get("rows")) {
        String[] cells = lines.get(line++);
        assertEquals(meta.get("service").asText(), cells[0]);
        assertEquals("aws", cells[1]);
        assertEquals(meta.get("region").asText(), cells[2]);
        for (Iterator<String> keys = row.fieldNames(); keys.hasNext(); ) {
          String key = keys.next();
          assertEquals(ServerAnswers.cell(row.get(key)), cells[header.indexOf(key)], key);
        }
      }
    }
    assertEquals(lines.size(), line, "no extra rows");
  }

  @Test
  void attributesChooseAndOrderTheColumns() throws Exception {
    Cli.Result result =
        cli()
            .run(
                "discover",
                "ec2",
                "-r",
                "eu-west-2",
                "-a",
                "state,name",
                "-o",
                "csv",
                "--no-header");
    assertEquals(0, result.exit(), result.toString());
    JsonNode rows =
        ServerAnswers.discover(
                server.uri(),
                "{\"services\":[{\"service\":\"ec2\",\"provider\":\"aws\","
                    + "\"region\":\"eu-west-2\"}]}")
            .get("results")
            .get(0)
            .get("rows");
    StringBuilder expected = new StringBuilder();
    for (JsonNode row : rows) {
      expected.append(row.get("state").asText()).append(',').append(row.get("name").asText());
      expected.append("\r\n");
    }
    assertEquals(expected.toString(), result.out(), "state then name, as asked");
  }

  @Test
  void jsonLinesCarryTheSourceBesideTheUntouchedRow() throws Exception {
    Cli.Result result = cli().run("discover", "s3", "--region", "eu-west-2", "-o", "jsonl");
    assertEquals(0, result.exit(), result.toString());
    JsonNode expected =
        ServerAnswers.discover(
                server.uri(),
                "{\"services\":[{\"service\":\"s3\",\"provider\":\"aws\",\"region\":\"eu-west-2\"}]}")
            .get("results")
            .get(0)
            .get("rows");
    String[] lines = result.out().split("\n");
    assertEquals(expected.size(), lines.length);
    for (int i = 0; i < lines.length; i++) {
      JsonNode line = ServerAnswers.JSON.readTree(lines[i]);
      assertEquals("s3", line.get("service").asText());
      assertEquals("aws", line.get("provider").asText());
      assertEquals("eu-west-2", line.get("region").asText());
      assertEquals(expected.get(i), line.get("row"));
    }
  }

  @Test
  void jsonIsTheServersDocumentCompactWhenPipedAndPrettyOnATerminal() throws Exception {
    String body =
        "{\"services\":[{\"service\":\"ec2\",\"provider\":\"aws\",\"region\":\"eu-west-2\"},"
            + "{\"service\":\"s3\",\"provider\":\"aws\",\"region\":\"eu-west-2\"}]}";
    JsonNode expected = ServerAnswers.discover(server.uri(), body);

    Cli.Result piped = cli().run("discover", "ec2", "s3", "-r", "eu-west-2", "-o", "json");
    assertEquals(0, piped.exit(), piped.toString());
    assertEquals(1, piped.out().strip().split("\n").length, "compact: one line");
    assertEquals(expected, ServerAnswers.JSON.readTree(piped.out()));

    Cli.Result pretty =
        cli()
            .terminal(new TerminalFacts(true, 100, true))
            .run("discover", "ec2", "s3", "-r", "eu-west-2", "-o", "json");
    assertTrue(pretty.out().split("\n").length > 10, "pretty on a terminal");
    assertFalse(pretty.out().contains("\u001b"), "no colour in JSON");
    assertEquals(expected, ServerAnswers.JSON.readTree(pretty.out()));
  }

  @Test
  void fileTakesTheRequestBodyFromStdin() throws Exception {
    Cli.Result result =
        cli()
            .stdin(
                "{\"services\":[{\"service\":\"s3\",\"provider\":\"aws\",\"region\":\"eu-west-2\","
                    + "\"attributes\":[\"bucket_name\"]}]}")
            .run("discover", "-f", "-", "-o", "csv");
    assertEquals(0, result.exit(), result.toString());
    assertEquals("bucket_name", result.out().split("\r\n")[0]);
  }

  @Test
  void tablePipedIsCompleteAndPlain() {
    Cli.Result result = cli().run("discover", "ec2", "s3", "--region", "eu-west-2");
    assertEquals(0, result.exit(), result.toString());
    assertTrue(result.out().startsWith("EC2 Instances (ec2) · aws · eu-west-2 · "), result.out());
    assertTrue(result.out().contains("2026-03-28T14:30:00Z"));
    assertTrue(result.out().contains("S3 Buckets (s3)"));
    assertTrue(result.out().contains("Instance ID"), "labels as headers");
    assertFalse(result.out().contains("\u001b"));
    assertFalse(result.out().contains("…"));
  }

  @Test
  void tableOnANarrowTerminalFitsAndMayUseColour() {
    Cli.Result result =
        cli()
            .terminal(new TerminalFacts(true, 80, true))
            .run("discover", "ec2", "--region", "eu-west-2");
    assertEquals(0, result.exit(), result.toString());
    assertTrue(result.out().contains("\u001b[1m"));
    assertTrue(result.out().contains("…"), "the widest columns are cut");
    for (String line : result.out().replaceAll("\u001b\\[[0-9]*m", "").split("\n")) {
      assertTrue(line.codePointCount(0, line.length()) <= 80 || line.contains(" · "), line);
    }
    Cli.Result noColour =
        cli()
            .terminal(new TerminalFacts(true, 50, true))
            .run("discover", "ec2", "--region", "eu-west-2", "--no-color");
    assertFalse(noColour.out().contains("\u001b"));
  }

  @Test
  void regionComesFromTheEnvironmentWhenNotGiven() {
    Cli.Result result =
        cli()
            .env("LIGHTPANE_REGION", "eu-west-2")
            .env("LIGHTPANE_OUTPUT", "csv")
            .run("discover", "ec2");
    assertEquals(0, result.exit(), result.toString());
    assertTrue(result.out().startsWith("name,instance_id"), result.out());
  }

  @Test
  void embeddedNeedsNoServerAndLeavesNoThreadBehind() throws Exception {
    java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
    Cli.Result result =
        Cli.in(config)
            .env("LIGHTPANE_BASE_URL", "http://127.0.0.1:9")
            .run("discover", "s3", "ec2", "--region", "eu-west-2", "--embedded");
    assertEquals(0, result.exit(), result.toString());
    assertTrue(result.out().contains("S3 Buckets"));
    List<Thread> left = new ArrayList<>();
    for (int attempt = 0; attempt < 50; attempt++) {
      left.clear();
      for (Thread thread : Thread.getAllStackTraces().keySet()) {
        if (!before.contains(thread) && thread.isAlive() && !thread.isDaemon()) {
          left.add(thread);
        }
      }
      if (left.isEmpty()) {
        break;
      }
      Thread.sleep(20);
    }
    assertEquals(List.of(), left, "non-daemon threads left running");
  }

  static List<String[]> parseCsv(String text) throws Exception {
    try (CSVReader reader = new CSVReader(new StringReader(text))) {
      return reader.readAll();
    }
  }
}
