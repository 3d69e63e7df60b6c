package cloud.lightpane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.stub.StubServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Record an estate with discover, replay it with the reference server, discover it again. */
class ReplayTest {
  @TempDir Path config;
  @TempDir Path files;

  private static final String[] ESTATE = {
    "discover", "ec2", "s3", "lambda_functions", "iam_users", "-r", "eu-west-2,us-east-1"
  };

  private Cli.Result discover(StubServer server, String... args) {
    return Cli.in(config).env("LIGHTPANE_BASE_URL", server.uri().toString()).run(args);
  }

  private static String[] with(String[] base, String... more) {
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  private Path record(String format) throws Exception {
    try (StubServer demo = StubServer.builder().build().start()) {
      Cli.Result recorded = discover(demo, with(ESTATE, "-o", format));
      assertEquals(0, recorded.exit(), recorded.toString());
      Path file = files.resolve("estate." + format);
      Files.writeString(file, recorded.out(), StandardCharsets.UTF_8);
      return file;
    }
  }

  @Test
  void aReplayedJsonLinesSnapshotGivesBackExactlyTheRecordedBytes() throws Exception {
    Path snapshot = record("jsonl");
    String recorded = Files.readString(snapshot);
    assertTrue(recorded.lines().count() > 20, "a real estate: " + recorded.lines().count());
    try (StubServer replay = StubServer.builder().fixtures(snapshot).build().start()) {
      Cli.Result again = discover(replay, with(ESTATE, "-o", "jsonl"));
      assertEquals(0, again.exit(), again.toString());
      assertEquals(recorded, again.out());
    }
  }

  @Test
  void aReplayedJsonDocumentServesTheSameRows() throws Exception {
    String jsonl = Files.readString(record("jsonl"));
    try (StubServer replay = StubServer.builder().fixtures(record("json")).build().start()) {
      Cli.Result again = discover(replay, with(ESTATE, "-o", "jsonl"));
      assertEquals(0, again.exit(), again.toString());
      assertEquals(jsonl, again.out());
    }
  }

  @Test
  void aRegionTheSnapshotDoesNotHaveIsAnEmptyResult() throws Exception {
    try (StubServer replay = StubServer.builder().fixtures(record("jsonl")).build().start()) {
      Cli.Result elsewhere = discover(replay, "discover", "ec2", "-r", "eu-west-1", "-o", "csv");
      assertEquals(0, elsewhere.exit(), elsewhere.toString());
      assertEquals(
          "name,instance_id,instance_type,state,private_ip,public_ip,availability_zone,vpc_id,"
              + "platform,launch_time\r\n",
          elsewhere.out(),
          "eu-west-1 has instances in the demo, none recorded");
    }
  }

  @Test
  void anUnknownServiceTakesItsColumnsFromTheRowsInFirstSeenOrder() throws Exception {
    Path snapshot = files.resolve("vaults.jsonl");
    Files.writeString(
        snapshot,
        "{\"service\":\"aws_backup_vaults\",\"provider\":\"aws\",\"region\":\"eu-west-2\","
            + "\"row\":{\"name\":\"daily\",\"recovery_points\":12}}\n"
            + "{\"service\":\"aws_backup_vaults\",\"provider\":\"aws\",\"region\":\"eu-west-2\","
            + "\"row\":{\"name\":\"weekly\",\"kms_key\":\"k-1\",\"ratio\":0.50}}\n"
            + "{\"service\":\"ec2\",\"provider\":\"aws\",\"region\":\"eu-west-9\","
            + "\"row\":{\"instance_id\":\"i-1\",\"name\":\"far\"}}\n");
    try (StubServer replay = StubServer.builder().fixtures(snapshot).build().start()) {
      Cli.Result vaults =
          discover(replay, "discover", "aws_backup_vaults", "-r", "eu-west-2", "-o", "csv");
      assertEquals(0, vaults.exit(), vaults.toString());
      assertEquals(
          "name,recovery_points,kms_key,ratio\r\ndaily,12,,\r\nweekly,,k-1,0.5\r\n", vaults.out());
      Cli.Result exact =
          discover(replay, "discover", "aws_backup_vaults", "-r", "eu-west-2", "-o", "json");
      assertTrue(
          exact
              .out()
              .contains(
                  "{\"name\":\"weekly\",\"recovery_points\":null,"
                      + "\"kms_key\":\"k-1\",\"ratio\":0.50}"),
          "the server sends the number's recorded text: " + exact);
      Cli.Result far =
          discover(
              replay, "discover", "ec2", "-r", "eu-west-9", "-a", "name,instance_id", "-o", "csv");
      assertEquals(0, far.exit(), far.toString());
      assertEquals("name,instance_id\r\nfar,i-1\r\n", far.out(), "a recorded region is added");
    }
  }

  @Test
  @org.junit.jupiter.api.Timeout(120) // a serve that fails to start leaves the pipe open
  void serveReplaysASnapshotFileAndInjectsItsFaults() throws Exception {
    Path snapshot = record("jsonl");
    PipedInputStream in = new PipedInputStream(1 << 16);
    OutputStream out = new PipedOutputStream(in);
    ExecutorService runner = Executors.newSingleThreadExecutor();
    Future<Cli.Result> serving =
        runner.submit(
            () ->
                Cli.in(config)
                    .stdout(out)
                    .run(
                        "serve",
                        "--port",
                        "0",
                        "--fixtures",
                        snapshot.toString(),
                        "--fault",
                        "status:503,first=1",
                        "--fault-seed",
                        "3"));
    try {
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String url = lines.readLine();
      Cli.Result once =
          Cli.in(config)
              .env("LIGHTPANE_BASE_URL", url)
              .run(with(ESTATE, "-o", "jsonl", "--retries", "0"));
      assertEquals(6, once.exit(), "the first discovery meets the 503: " + once);
      Cli.Result again =
          Cli.in(config).env("LIGHTPANE_BASE_URL", url).run(with(ESTATE, "-o", "jsonl"));
      assertEquals(0, again.exit(), again.toString());
      assertEquals(Files.readString(snapshot), again.out());
    } finally {
      runner.shutdownNow();
      assertEquals(130, serving.get(10, TimeUnit.SECONDS).exit());
    }
  }

  @Test
  void serveRefusesABrokenSnapshotNamingTheLine() throws Exception {
    Path snapshot = files.resolve("broken.jsonl");
    Files.writeString(
        snapshot,
        "{\"service\":\"s3\",\"provider\":\"aws\",\"region\":\"eu-west-2\",\"row\":{\"bucket_name\":\"a\"}}\n"
            + "{\"service\":\"s3\",\"provider\":\"aws\",\"row\":{\"bucket_name\":\"b\"}}\n");
    Cli.Result result =
        Cli.in(config).run("serve", "--port", "0", "--fixtures", snapshot.toString());
    assertEquals(2, result.exit(), result.toString());
    assertEquals(
        "lightpane: Cannot load --fixtures "
            + snapshot
            + ": "
            + snapshot
            + ": line 2: no \"region\": a line of 'discover -o jsonl' has service, provider,"
            + " region and row\n",
        result.err());
  }
}
