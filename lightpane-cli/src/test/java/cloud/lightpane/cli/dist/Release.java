package cloud.lightpane.cli.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Where the build put the release archives, and what it named them (from failsafe's settings). */
final class Release {
  static final String VERSION = System.getProperty("lightpane.version", "0.1.0-SNAPSHOT");
  static final Path DIST =
      Path.of(System.getProperty("lightpane.dist", "target/dist")).toAbsolutePath();
  static final Path TARBALL = DIST.resolve("lightpane-" + VERSION + "-linux-x64.tar.gz");
  static final Path ZIP = DIST.resolve("lightpane-" + VERSION + ".zip");
  static final Path DEB = DIST.resolve("lightpane_" + VERSION + "_amd64.deb");

  /**
   * The first two lines of `discover s3 --region eu-west-2 --embedded -o csv`: the demo data, in
   * RFC 4180 lines.
   */
  static final String S3_CSV_HEAD =
      "bucket_name,creation_date,region,versioning_status,encryption,public_access_blocked,"
          + "object_count,size_bytes\r\n"
          + "kestrel-assets-prod-eu-west-2,2024-07-14T00:32:06Z,eu-west-2,Enabled,AES256,true,"
          + "471717,17072000000\r\n";

  /** Runs {@code program discover s3 --region eu-west-2 --embedded -o csv} in {@code cwd}. */
  static Command s3Csv(Path cwd, Map<String, String> env, String program)
      throws IOException, InterruptedException {
    return Command.run(
        cwd, env, program, "discover", "s3", "--region", "eu-west-2", "--embedded", "-o", "csv");
  }

  /** That command exited 0, printed the demo data's CSV and nothing on stderr. */
  static void assertDemoCsv(Command csv) {
    assertEquals(0, csv.exit(), csv.toString());
    assertTrue(csv.out().startsWith(S3_CSV_HEAD), csv.out());
    assertEquals("", csv.err());
  }

  /** On CI a test that cannot run fails; on a laptop it is skipped with the reason. */
  static final boolean CI = "true".equals(System.getenv("CI"));

  private Release() {}
}
