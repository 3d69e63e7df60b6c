package cloud.lightpane.cli.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.client.AuthenticationException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The exit code and the stderr line of failures that the commands' own tests rarely provoke: the
 * advice after a 401, local I/O, interruption, memory and the unexpected.
 */
class ExitCodeMapperTest {
  private static final String KEY_ADVICE =
      "; the access key comes from LIGHTPANE_API_KEY, --api-key-file or the profile's api_key";

  private static ExitCodeMapper.Failure describe(Throwable failure) {
    return ExitCodeMapper.describe(failure);
  }

  private static AuthenticationException unauthorized(String error) {
    return new AuthenticationException(error + " (HTTP 401).", 401, error, null, null);
  }

  @Test
  void aRejectedAccessKeySaysWhereTheKeyCameFrom() {
    assertEquals(
        new ExitCodeMapper.Failure(4, "Invalid or expired token (HTTP 401)" + KEY_ADVICE),
        describe(unauthorized("Invalid or expired token")));
    assertEquals(
        new ExitCodeMapper.Failure(4, "Token revoked (HTTP 401)" + KEY_ADVICE),
        describe(unauthorized("Token revoked")));
  }

  @Test
  void aMissingSessionSaysHowToGetOne() {
    assertEquals(
        new ExitCodeMapper.Failure(
            4,
            "Session required (HTTP 401); or run 'lightpane config set session' (it prompts),"
                + " or add --embedded"),
        describe(unauthorized("Session required")));
  }

  @Test
  void anotherAuthenticationFailureHasNoAdvice() {
    assertEquals(
        new ExitCodeMapper.Failure(4, "Proxy authentication required (HTTP 401)"),
        describe(unauthorized("Proxy authentication required")));
    assertEquals(
        new ExitCodeMapper.Failure(4, "Not authenticated (HTTP 401)"),
        describe(new AuthenticationException("", 401, null, null, null)));
  }

  @Test
  void picocliWrappersAreSeenThrough() {
    CommandLine command = new CommandLine(CommandLine.Model.CommandSpec.create());
    assertEquals(
        new ExitCodeMapper.Failure(130, "Interrupted"),
        describe(
            new CommandLine.ExecutionException(command, "wrapped", new InterruptedException())));
    assertEquals(
        new ExitCodeMapper.Failure(2, "Missing required parameter: 'SERVICE'"),
        describe(
            new CommandLine.ParameterException(command, "Missing required parameter: 'SERVICE'")));
  }

  @Test
  void anExecutionExceptionWithoutACauseIsAnInternalError() {
    CommandLine command = new CommandLine(CommandLine.Model.CommandSpec.create());
    ExitCodeMapper.Failure failure =
        describe(new CommandLine.ExecutionException(command, "no cause"));
    assertEquals(1, failure.exitCode());
    assertTrue(
        failure.message().startsWith("Internal error: picocli.CommandLine$ExecutionException"),
        failure.message());
  }

  @Test
  void anInterruptedReadIs130() {
    assertEquals(
        new ExitCodeMapper.Failure(130, "Interrupted"),
        describe(new InterruptedIOException("read interrupted")));
    assertEquals(130, new ExitCodeMapper().getExitCode(new InterruptedIOException()));
  }

  @Test
  void aFailedWriteIs1AndSaysWhat() {
    assertEquals(
        new ExitCodeMapper.Failure(1, "Cannot write the output: No space left on device"),
        describe(new UncheckedIOException(new IOException("No space left on device"))));
    assertEquals(
        new ExitCodeMapper.Failure(1, "Cannot write the output: Stale file handle"),
        describe(new IOException("Stale file handle")));
    assertEquals(
        new ExitCodeMapper.Failure(130, "Interrupted"),
        describe(new UncheckedIOException(new InterruptedIOException("interrupted"))));
  }

  @Test
  void runningOutOfMemoryNamesTheHeapInMegabytesAndTheWayOut() {
    ExitCodeMapper.Failure failure = describe(new OutOfMemoryError("Java heap space"));
    assertEquals(1, failure.exitCode());
    Matcher matcher =
        Pattern.compile(
                "Not enough memory for this output \\(Java heap (\\d+) MB\\): use -o csv or -o"
                    + " jsonl, which stream rows, or allow more memory with"
                    + " LIGHTPANE_JAVA_OPTS=-Xmx512m")
            .matcher(failure.message());
    assertTrue(matcher.matches(), failure.message());
    long megabytes = Long.parseLong(matcher.group(1));
    // Any real heap is between a megabyte and a hundred terabytes.
    assertTrue(megabytes >= 1 && megabytes <= 100_000_000L, failure.message());
  }

  @Test
  void anythingElseIsAnInternalErrorThatAsksForVerbose() {
    assertEquals(
        new ExitCodeMapper.Failure(
            1,
            "Internal error: java.lang.IllegalStateException: boom (run again with --verbose for"
                + " details, and report it if it persists)"),
        describe(new IllegalStateException("boom")));
  }

  @Test
  void aClosedPipeIsFoundUnderWrappers() {
    assertTrue(ExitCodeMapper.isClosedPipe(new IOException("Broken pipe")));
    assertTrue(
        ExitCodeMapper.isClosedPipe(
            new UncheckedIOException(new IOException("Broken pipe (Write failed)"))));
    assertTrue(
        ExitCodeMapper.isClosedPipe(
            new RuntimeException(
                "render", new UncheckedIOException(new IOException("The pipe is being closed")))));
    assertFalse(ExitCodeMapper.isClosedPipe(new IOException("Connection reset")));
    assertFalse(ExitCodeMapper.isClosedPipe(new IOException()));
    assertFalse(ExitCodeMapper.isClosedPipe(new IllegalStateException("Broken pipe")));
  }
}
