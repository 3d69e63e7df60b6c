package cloud.lightpane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real launcher (its 64 MiB heap, a real terminal through {@code script}) against a scripted
 * hostile server: what a user would see.
 */
@DisabledOnOs(OS.WINDOWS)
class HostileServerIT {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final String KEY = "csl_ak_hostiletestkey0123456789abcdef";

  @TempDir Path config;

  @Test
  void aTenMegabyteValueIsRefusedInEveryFormatWithoutRunningOutOfMemory() throws Exception {
    String row = "{\"name\":\"" + "x".repeat(10_000_000) + "\",\"instance_id\":\"i\"}";
    try (HostileServer server = HostileServer.json(200, ServerTextOnScreenTest.discovery(row))) {
      for (String format : new String[] {"table", "csv", "jsonl", "json"}) {
        Run run = discover(server, "-o", format);
        assertEquals(6, run.exit, format + ": " + run);
        assertEquals("", run.out, format);
        assertTrue(
            run.err.matches(
                "lightpane: The server's answer is not a valid response: The response to POST"
                    + " /discovery from http://127\\.0\\.0\\.1:\\d+ is refused: a value of 3\\.\\d"
                    + " MB is over the limit of 3 MB\\. The limit comes from the memory available"
                    + " \\(java -Xmx\\); ask for fewer attributes, or run with more memory\\.\n"),
            format + ": " + run.err);
      }
    }
  }

  @Test
  void aValueJustUnderTheLimitIsPrintedInEveryFormat() throws Exception {
    String big = "y".repeat(3_000_000);
    String row = "{\"name\":\"" + big + "\",\"instance_id\":\"i\"}";
    try (HostileServer server = HostileServer.json(200, ServerTextOnScreenTest.discovery(row))) {
      for (String format : new String[] {"table", "csv", "jsonl", "json"}) {
        Run run = discover(server, "-o", format);
        assertEquals(0, run.exit, format + ": " + run.err);
        assertTrue(run.out.contains(big), format);
      }
    }
  }

  @Test
  void aTooDeepDocumentIsAnInvalidResponseInJsonToo() throws Exception {
    String row = "{\"name\":" + "[".repeat(1200) + "]".repeat(1200) + "}";
    try (HostileServer server = HostileServer.json(200, ServerTextOnScreenTest.discovery(row))) {
      for (String format : new String[] {"csv", "json"}) {
        Run run = discover(server, "-o", format);
        assertEquals(6, run.exit, format + ": " + run);
        assertTrue(
            run.err.startsWith("lightpane: The server's answer is not a valid response:"),
            format + ": " + run.err);
        assertTrue(run.err.contains("Document nesting depth (1001)"), run.err);
      }
    }
  }

  @Test
  void onATerminalTheForgedErrorLineShowsEscaped() throws Exception {
    String forged = "{\"error\":\"\\u001b]0;title\\u0007\\u001b[2K\\rAll good: 0 findings\"}";
    try (HostileServer server = HostileServer.json(400, forged)) {
      // script(1) gives the launcher a real terminal for stdin, stdout and stderr.
      Run run =
          run(
              "script",
              "-qec",
              "./lightpane discover ec2 -r eu-west-2 --retries 0 --base-url " + server.uri(),
              "/dev/null");
      String screen = run.out.replace("\r\n", "\n");
      assertTrue(
          screen.contains(
              "lightpane: \\u001b]0;title\\u0007\\u001b[2K\\rAll good: 0 findings (HTTP 400)."
                  + " Check the request and try again\n"),
          run.toString());
      assertFalse(screen.contains("\u001b"), "no raw ESC reached the terminal: " + run);
      assertFalse(screen.contains("\u0007"), "no raw BEL reached the terminal: " + run);
    }
  }

  private Run discover(HostileServer server, String... more) throws Exception {
    String[] command = new String[8 + more.length];
    String[] head = {
      "./lightpane", "discover", "ec2", "-r", "eu-west-2", "--retries", "0", "--base-url"
    };
    System.arraycopy(head, 0, command, 0, head.length);
    command[head.length - 1] = "--base-url=" + server.uri();
    System.arraycopy(more, 0, command, head.length, more.length);
    return run(java.util.Arrays.copyOf(command, head.length + more.length));
  }

  private Run run(String... command) throws IOException, InterruptedException {
    File out = Files.createTempFile(config, "out", ".txt").toFile();
    File err = Files.createTempFile(config, "err", ".txt").toFile();
    ProcessBuilder builder =
        new ProcessBuilder(List.of(command))
            .directory(ROOT.toFile())
            .redirectOutput(out)
            .redirectError(err)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().keySet().removeIf(name -> name.startsWith("LIGHTPANE_"));
    builder.environment().put("LIGHTPANE_CONFIG_DIR", config.toString());
    builder.environment().put("LIGHTPANE_API_KEY", KEY);
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("no answer within 60 s: " + String.join(" ", command));
    }
    return new Run(
        process.exitValue(),
        Files.readString(out.toPath(), StandardCharsets.UTF_8),
        Files.readString(err.toPath(), StandardCharsets.UTF_8));
  }

  private record Run(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }
}
