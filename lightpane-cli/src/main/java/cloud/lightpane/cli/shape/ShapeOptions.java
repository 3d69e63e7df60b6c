package cloud.lightpane.cli.shape;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The shaping options of a command that prints rows, as one picocli mixin. */
public final class ShapeOptions {
  @Option(
      names = "--where",
      paramLabel = "EXPR",
      description =
          "Keep rows where EXPR holds; repeatable, all must hold. KEY=V KEY!=V KEY~REGEX"
              + " KEY!~REGEX KEY<N KEY<=N KEY>N KEY>=N; KEY= matches empty and missing.")
  List<String> where = new ArrayList<>();

  @Option(
      names = "--sort-by",
      paramLabel = "KEY[:asc|:desc]",
      description =
          "Sort each result by KEY; repeatable for tie-breaks. Numbers numerically, text by"
              + " code point, empty last.")
  List<String> sortBy = new ArrayList<>();

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "At most N rows of each result (after --where and --sort-by).")
  Long limit;

  @Option(
      names = "--fail-if-any",
      description = "Exit 8 (findings) when at least one row is printed (after --where, --limit).")
  boolean failIfAny;

  /**
   * The parsed options.
   *
   * @throws ShapeException when one of them cannot be parsed
   */
  public Shaping shaping() {
    return Shaping.parse(where, sortBy, limit);
  }

  /** Whether {@code --fail-if-any} was given. */
  public boolean failIfAny() {
    return failIfAny;
  }
}
