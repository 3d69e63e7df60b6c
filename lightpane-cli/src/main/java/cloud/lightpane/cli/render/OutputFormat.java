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

  /**
   * The formats as a user types them, for messages: {@code table, csv, tsv, json, jsonl or
   * markdown}.
   */
  public static String choices() {
    OutputFormat[] formats = values();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < formats.length; i++) {
      text.append(i == 0 ? "" : i == formats.length - 1 ? " or " : ", ").append(formats[i]);
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
