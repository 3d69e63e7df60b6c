package cloud.lightpane.cli.kernel;

/**
 * The largest value (or row) the CLI accepts from a server: a sixteenth of the Java heap, in whole
 * megabytes, at least 1 MB (3 MB under the launcher's {@code -Xmx64m}). Reading a value of that
 * size takes about three times its size at its peak (the parser's buffer, the string, a cell), so a
 * value at the limit still leaves most of the heap to the rest of the run; a larger one is refused
 * while it is read, with exit 6, instead of ending in {@code OutOfMemoryError}. A larger heap
 * ({@code LIGHTPANE_JAVA_OPTS=-Xmx512m}) raises it. Documented in {@code docs/cli.md}.
 */
final class ResponseLimit {
  private static final long MB = 1024 * 1024;

  private ResponseLimit() {}

  /** The limit in characters, for the client's {@code maxValueSize}. */
  static long maxValueChars() {
    return Math.max(1, Runtime.getRuntime().maxMemory() / 16 / MB) * MB;
  }
}
