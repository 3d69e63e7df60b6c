package cloud.lightpane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.stub.StubServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lightpane keys} with a session, and discovery with the keys it makes. */
class KeysCommandTest {
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

  private Cli withSession() {
    return Cli.in(config)
        .env("LIGHTPANE_BASE_URL", server.uri().toString())
        .env("LIGHTPANE_SESSION", server.sessionCookie());
  }

  @Test
  void createPrintsTheTokenOnceOnStdoutAndListNeverShowsIt() throws Exception {
    Cli.Result created =
        withSession()
            .run("keys", "create", "--type", "api_key", "--label", "ci", "--services", "s3,ec2");
    assertEquals(0, created.exit(), created.toString());
    String token = created.out().strip();
    assertTrue(token.startsWith("csl_ak_") && token.length() == 50, created.out());
    assertFalse(created.err().contains(token), "the token is data: stdout only");
    assertTrue(created.err().contains("cannot be shown again"), created.err());

    Cli.Result listed = withSession().run("keys", "list");
    assertEquals(0, listed.exit(), listed.toString());
    assertTrue(listed.out().contains("ci"));
    assertTrue(listed.out().contains("csl_ak_..." + token.substring(46)), listed.out());
    assertFalse(listed.out().contains(token));

    Cli.Result json = withSession().run("keys", "list", "-o", "json");
    JsonNode grants = ServerAnswers.JSON.readTree(json.out()).get("grants");
    int labelled = 0;
    for (JsonNode grant : grants) {
      if (grant.get("label").asText().equals("ci")) {
        labelled++;
        assertEquals("api_key", grant.get("grant_type").asText());
        assertEquals("[\"s3\",\"ec2\"]", grant.get("allowed_services").toString());
      }
    }
    assertEquals(1, labelled, "the key created here is listed once: " + json.out());
    assertFalse(json.out().contains(token));
  }

  @Test
  void createPrintsTheTokenAloneEvenWhenTheEnvironmentAsksForJson() {
    Cli.Result created =
        withSession()
            .env("LIGHTPANE_OUTPUT", "json")
            .run("keys", "create", "--type", "api_key", "--label", "env-json");
    assertEquals(0, created.exit(), created.toString());
    // The whole of stdout is one token line: TOKEN=$(lightpane keys create ...) stores the token.
    assertTrue(created.out().matches("csl_ak_\\S{43}\n"), "stdout: " + created.out().length());
  }

  @Test
  void createAsJsonIsTheWholeCreateResponseAndRevokeWorks() throws Exception {
    Cli.Result created =
        withSession()
            .run(
                "keys",
                "create",
                "--type",
                "embed",
                "--label",
                "page",
                "--allowed-origin",
                "https://app.example.com",
                "--rate-limit-rpm",
                "30",
                "-o",
                "json");
    assertEquals(0, created.exit(), created.toString());
    JsonNode response = ServerAnswers.JSON.readTree(created.out());
    assertTrue(response.get("token").asText().startsWith("csl_em_"));
    JsonNode grant = response.get("grant");
    assertEquals("embed", grant.get("grant_type").asText());
    assertEquals(30, grant.get("constraints").get("rate_limit_rpm").asInt());
    assertEquals(
        "https://app.example.com", grant.get("constraints").get("allowed_origins").get(0).asText());

    String id = grant.get("grant_id").asText();
    Cli.Result revoked = withSession().run("keys", "revoke", id, "-o", "json");
    assertEquals(0, revoked.exit(), revoked.toString());
    assertTrue(ServerAnswers.JSON.readTree(revoked.out()).get("grant").get("revoked").asBoolean());

    Cli.Result missing =
        withSession().run("keys", "revoke", "00000000-0000-4000-8000-000000000000");
    assertEquals(3, missing.exit(), missing.toString());
    assertTrue(missing.err().contains("Grant not found (HTTP 404)"), missing.err());
  }

  @Test
  void badKeyOptionsAreUsageErrorsOrRejections() {
    assertEquals(
        2, withSession().run("keys", "create", "--label", "x").exit(), "--type is required");
    assertEquals(2, withSession().run("keys", "create", "--type", "root", "--label", "x").exit());
    assertEquals(
        2,
        withSession()
            .run("keys", "create", "--type", "api_key", "--label", "x", "--account", "aws")
            .exit());
    Cli.Result tooLong =
        withSession()
            .run(
                "keys", "create", "--type", "api_key", "--label", "x", "--expires-in-days", "9999");
    assertEquals(2, tooLong.exit(), tooLong.toString());
    assertTrue(tooLong.err().contains("expires_in_days"), tooLong.err());
    Cli.Result rejected =
        withSession()
            .run(
                "keys",
                "create",
                "--type",
                "api_key",
                "--label",
                "x",
                "--allowed-origin",
                "https://a.example/path");
    assertEquals(3, rejected.exit(), rejected.toString());
    assertTrue(
        rejected.err().contains("Invalid constraint: allowed_origins (HTTP 400)"), rejected.err());
  }

  @Test
  void aKeysBatchLimitSplitsTheRunAndEveryResultArrives() throws Exception {
    Cli.Result created =
        withSession()
            .run(
                "keys", "create", "--type", "api_key", "--label", "small", "--max-batch-size", "2");
    String token = created.out().strip();
    Cli cli =
        Cli.in(config)
            .env("LIGHTPANE_BASE_URL", server.uri().toString())
            .env("LIGHTPANE_API_KEY", token);

    Cli.Result csv =
        cli.run(
            "discover",
            "ec2",
            "s3",
            "lambda_functions",
            "-r",
            "eu-west-2,us-east-1",
            "-o",
            "csv",
            "-v");
    assertEquals(0, csv.exit(), csv.toString());
    // Six entries against a limit of 2: 6 refused, halved to 3, refused, halved to 1.
    assertTrue(
        csv.err().contains("a batch of 6 was refused by the key's limit; sending 3 at a time"),
        csv.err());
    assertFalse(csv.toString().contains(token), "the token never shows, even with -v");
    java.util.Set<String> sources = new java.util.LinkedHashSet<>();
    for (String[] line :
        DiscoverCommandTest.parseCsv(csv.out())
            .subList(1, DiscoverCommandTest.parseCsv(csv.out()).size())) {
      sources.add(line[0] + "/" + line[2]);
    }
    assertEquals(6, sources.size(), sources.toString());

    Cli.Result json =
        cli.run(
            "discover", "ec2", "s3", "lambda_functions", "-r", "eu-west-2,us-east-1", "-o", "json");
    assertEquals(0, json.exit(), json.toString());
    JsonNode results = ServerAnswers.JSON.readTree(json.out()).get("results");
    assertEquals(6, results.size());
    assertEquals("ec2", results.get(0).get("metadata").get("service").asText());
    assertEquals("lambda_functions", results.get(5).get("metadata").get("service").asText());
  }

  @Test
  void keysListCsvTakesExcelSafe() {
    Cli.Result created =
        withSession().run("keys", "create", "--type", "api_key", "--label", "=HYPERLINK(\"x\")");
    assertEquals(0, created.exit(), created.toString());
    Cli.Result safe = withSession().run("keys", "list", "-o", "csv", "--excel-safe");
    assertEquals(0, safe.exit(), safe.toString());
    assertTrue(safe.out().contains(",\"'=HYPERLINK(\"\"x\"\")\","), safe.out());
    Cli.Result plain = withSession().run("keys", "list", "-o", "csv");
    assertTrue(plain.out().contains(",\"=HYPERLINK(\"\"x\"\")\","), plain.out());
  }
}
