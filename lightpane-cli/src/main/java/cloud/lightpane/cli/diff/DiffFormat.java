package cloud.lightpane.cli.diff;

import cloud.lightpane.cli.kernel.CommandFailure;
import cloud.lightpane.cli.kernel.ExitCodes;
import cloud.lightpane.cli.terminal.TerminalFacts;
import java.io.Writer;
import java.util.Locale;

/** The output formats of a diff ({@code -o}). */
enum DiffFormat {
  TABLE,
  JSONL,
  JSON,
  MARKDOWN;

  /** Parses a user's value; a usage error names the formats a diff has. */
  static DiffFormat parse(String value) {
    if (value != null) {
      for (DiffFormat format : values()) {
        if (format.name().equalsIgnoreCase(value.trim())) {
          return format;
        }
      }
    }
    throw new CommandFailure(
        ExitCodes.USAGE,
        "Unknown output format '" + value + "' for a diff: use table, jsonl, json or markdown");
  }

  DiffWriter writer(Writer out, TerminalFacts facts, SectionTitle titles) {
    return switch (this) {
      case TABLE -> new TableDiffWriter(out, facts, titles);
      case JSONL -> new JsonLinesDiffWriter(out);
      case JSON -> new JsonDiffWriter(out);
      case MARKDOWN -> new MarkdownDiffWriter(out, titles);
    };
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
