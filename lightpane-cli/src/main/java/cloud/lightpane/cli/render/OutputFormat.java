package cloud.lightpane.cli.render;

import java.util.Locale;

/** The output formats of the {@code -o/--output} option. */
public enum OutputFormat {
  TABLE,
  CSV,
  TSV,
  JSON,
  JSONL,
  MARKDOWN;

  /** Parses a user's value ({@code csv}, {@code JSON}...); null for an unknown one. */
  public static OutputFormat parse(String value) {
    if (value == null) {
      return null;
    }
    for (OutputFormat format : values()) {
      if (format.name().equalsIgnoreCase(value.trim())) {
        return format;
      }
    }
    return null;
  }

  /** {@code table, csv, tsv, json, jsonl or markdown}: for messages. */
  public static String names() {
    return "table, csv, tsv, json, jsonl or markdown";
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
