package cloud.lightpane.cli.kernel;

/**
 * The documented, stable exit codes of {@code lightpane}. Scripts depend on these numbers: never
 * renumber one, only add.
 */
public final class ExitCodes {
  /** Success, including an empty result and a reader that closed the pipe early. */
  public static final int OK = 0;

  /** Unexpected internal error (a bug, or output that could not be written). */
  public static final int INTERNAL = 1;

  /** Usage error: unknown option, missing argument, bad value, bad configuration. */
  public static final int USAGE = 2;

  /** The API rejected the request (400, 404, 405, 413, 415 and other 4xx). */
  public static final int REJECTED = 3;

  /** Authentication or permission (401, 403), or no session for a command that needs one. */
  public static final int AUTH = 4;

  /** Rate limited (429 once retries are spent). */
  public static final int RATE_LIMITED = 5;

  /** Server error (5xx once retries are spent) or a response that is not what the contract says. */
  public static final int SERVER = 6;

  /** Network: cannot connect, connection lost, timed out. */
  public static final int NETWORK = 7;

  /**
   * Findings: the command worked and found what the user asked it to report: {@code discover
   * --fail-if-any} printed at least one row, or {@code diff} / {@code discover --compare-to} found
   * a difference between two snapshots.
   */
  public static final int FINDINGS = 8;

  /** Interrupted (Ctrl-C), as a shell reports SIGINT. */
  public static final int INTERRUPTED = 130;

  private ExitCodes() {}
}
