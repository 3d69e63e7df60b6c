package cloud.lightpane.cli.terminal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the renderers need to know about stdout: whether a person is looking at it, how wide it is
 * and whether it may carry colour. Detected from the process for real runs, given directly by
 * tests.
 *
 * @param interactive stdout (and stdin) is a terminal
 * @param width columns available; only meaningful when interactive
 * @param colour escape codes are allowed (before {@code --no-color} is applied)
 */
public record TerminalFacts(boolean interactive, int width, boolean colour) {

  /** The width assumed when a terminal does not say. */
  public static final int DEFAULT_WIDTH = 80;

  /** Output going to a pipe or a file: plain, complete, no escape codes. */
  public static TerminalFacts piped() {
    return new TerminalFacts(false, Integer.MAX_VALUE, false);
  }

  /** The facts with colour turned off, for {@code --no-color}. */
  public TerminalFacts withoutColour() {
    return new TerminalFacts(interactive, width, false);
  }

  /**
   * Detects the facts of this process. {@code NO_COLOR} (any value) turns colour off, {@code
   * CLICOLOR_FORCE} (any value but 0) forces it on even when piped, {@code TERM=dumb} turns it off.
   * The width comes from {@code COLUMNS} or, on a terminal, from {@code stty size}.
   */
  public static TerminalFacts detect(Map<String, String> env) {
    boolean interactive = System.console() != null;
    boolean colour = colourWanted(env, interactive);
    if (!interactive) {
      return new TerminalFacts(false, Integer.MAX_VALUE, colour);
    }
    return new TerminalFacts(true, width(env), colour);
  }

  static boolean colourWanted(Map<String, String> env, boolean interactive) {
    if (present(env.get("NO_COLOR"))) {
      return false;
    }
    String force = env.get("CLICOLOR_FORCE");
    if (present(force) && !"0".equals(force)) {
      return true;
    }
    return interactive && !"dumb".equals(env.get("TERM"));
  }

  static int width(Map<String, String> env) {
    Integer columns = positive(env.get("COLUMNS"));
    if (columns != null) {
      return columns;
    }
    Integer fromStty = sttyColumns();
    return fromStty != null ? fromStty : DEFAULT_WIDTH;
  }

  /** Asks the terminal itself; costs one short process, so it runs only for table output. */
  private static Integer sttyColumns() {
    File tty = new File("/dev/tty");
    if (!tty.exists()) {
      return null;
    }
    try {
      Process process =
          new ProcessBuilder("stty", "size")
              .redirectInput(tty)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String answer;
      try (InputStream in = process.getInputStream()) {
        answer = new String(in.readNBytes(64), StandardCharsets.US_ASCII).trim();
      }
      if (!process.waitFor(2, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return null;
      }
      String[] parts = answer.split("\\s+");
      return parts.length == 2 ? positive(parts[1]) : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static boolean present(String value) {
    return value != null && !value.isEmpty();
  }

  private static Integer positive(String value) {
    if (value == null) {
      return null;
    }
    try {
      int n = Integer.parseInt(value.trim());
      return n > 0 ? n : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
