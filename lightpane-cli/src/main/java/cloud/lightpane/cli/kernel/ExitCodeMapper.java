package cloud.lightpane.cli.kernel;

import cloud.lightpane.client.AuthenticationException;
import cloud.lightpane.client.ErrorReason;
import cloud.lightpane.client.InvalidResponseException;
import cloud.lightpane.client.LightPaneApiException;
import cloud.lightpane.client.LightPaneTimeoutException;
import cloud.lightpane.client.LightPaneTransportException;
import cloud.lightpane.client.PermissionDeniedException;
import cloud.lightpane.client.RateLimitException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * The one place where a failure becomes an exit code and a line for the user. Every command throws
 * and lets this decide; the table of codes is in {@link ExitCodes} and {@code docs/cli.md}.
 */
public final class ExitCodeMapper implements CommandLine.IExitCodeExceptionMapper {

  /** An exit code and the message that explains it. */
  public record Failure(int exitCode, String message) {}

  @Override
  public int getExitCode(Throwable failure) {
    return describe(failure).exitCode();
  }

  /** The exit code and user-facing message of a failure. */
  public static Failure describe(Throwable failure) {
    if (failure instanceof CommandFailure explained) {
      return new Failure(explained.exitCode(), explained.getMessage());
    }
    if (failure instanceof CommandLine.ParameterException) {
      return new Failure(ExitCodes.USAGE, failure.getMessage());
    }
    if (failure instanceof CommandLine.ExecutionException && failure.getCause() != null) {
      return describe(failure.getCause());
    }
    if (failure instanceof RateLimitException limited) {
      // The client's words already say how long to wait, at any size ("Retry after 2 h 5 min").
      return new Failure(ExitCodes.RATE_LIMITED, apiMessage(limited, "Rate limit exceeded"));
    }
    if (failure instanceof AuthenticationException auth) {
      return new Failure(ExitCodes.AUTH, apiMessage(auth, "Not authenticated") + authAdvice(auth));
    }
    if (failure instanceof PermissionDeniedException denied) {
      return new Failure(ExitCodes.AUTH, apiMessage(denied, "Permission denied"));
    }
    if (failure instanceof LightPaneApiException api) {
      int status = api.statusCode();
      int code;
      if (status == 401 || status == 403) {
        code = ExitCodes.AUTH;
      } else if (status == 429) {
        code = ExitCodes.RATE_LIMITED;
      } else if (status >= 500) {
        code = ExitCodes.SERVER;
      } else {
        code = ExitCodes.REJECTED;
      }
      return new Failure(code, apiMessage(api, "Request failed"));
    }
    if (failure instanceof InvalidResponseException invalid) {
      return new Failure(
          ExitCodes.SERVER, "The server's answer is not a valid response: " + invalid.getMessage());
    }
    if (failure instanceof LightPaneTimeoutException timeout) {
      String message = stripFinalStop(timeout.getMessage());
      return new Failure(
          ExitCodes.NETWORK,
          message.contains(" gave up after ")
              ? message + " (--max-time)"
              : message + " (a longer --timeout may help)");
    }
    if (failure instanceof LightPaneTransportException transport) {
      // The client's message names the address and the likely cause; add the way out.
      return new Failure(
          ExitCodes.NETWORK,
          stripFinalStop(transport.getMessage())
              + ". Or add --embedded to use the built-in reference server");
    }
    if (failure instanceof IllegalArgumentException bad) {
      // The client and its builders refuse bad input this way; all of it came from the user.
      return new Failure(ExitCodes.USAGE, bad.getMessage());
    }
    if (failure instanceof InterruptedException || failure instanceof InterruptedIOException) {
      return new Failure(ExitCodes.INTERRUPTED, "Interrupted");
    }
    if (failure instanceof UncheckedIOException io) {
      return describe(io.getCause());
    }
    if (failure instanceof IOException io) {
      return new Failure(ExitCodes.INTERNAL, "Cannot write the output: " + io.getMessage());
    }
    if (failure instanceof OutOfMemoryError) {
      // Responses are capped while read (ResponseLimit) and every row format streams (the table
      // holds a window of rows); what remains is --jq, whose input is one whole document.
      return new Failure(
          ExitCodes.INTERNAL,
          "Not enough memory for this output (Java heap "
              + Runtime.getRuntime().maxMemory() / (1024 * 1024)
              + " MB): use -o csv or -o jsonl, which stream rows, or allow more memory with"
              + " LIGHTPANE_JAVA_OPTS=-Xmx512m");
    }
    return new Failure(
        ExitCodes.INTERNAL,
        "Internal error: "
            + failure
            + " (run again with --verbose for details, and report it if it persists)");
  }

  /** True when the failure is a reader that went away ({@code | head -1}): not an error. */
  public static boolean isClosedPipe(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException && cause.getMessage() != null) {
        String message = cause.getMessage();
        if (message.contains("Broken pipe") || message.contains("pipe is being closed")) {
          return true;
        }
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  /**
   * The client's message as it is: the server's own words, the status and the client's hint ({@code
   * Invalid region (HTTP 400). Check the region for the provider ...}), without the final full stop
   * so that the CLI can add its flag-specific advice after a semicolon.
   */
  private static String apiMessage(LightPaneApiException api, String fallback) {
    String client = api.getMessage();
    return client == null || client.isBlank()
        ? fallback + " (HTTP " + api.statusCode() + ")"
        : stripFinalStop(client);
  }

  /** Where the command takes credentials from, which the client cannot know. */
  private static String authAdvice(AuthenticationException auth) {
    ErrorReason reason = auth.reason();
    if (reason.equals(ErrorReason.INVALID_TOKEN) || reason.equals(ErrorReason.TOKEN_REVOKED)) {
      return "; the access key comes from LIGHTPANE_API_KEY, --api-key-file or the profile's"
          + " api_key";
    }
    if (reason.equals(ErrorReason.SESSION_REQUIRED)) {
      return "; or run 'lightpane config set session' (it prompts), or add --embedded";
    }
    return "";
  }

  private static String stripFinalStop(String text) {
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }
}
