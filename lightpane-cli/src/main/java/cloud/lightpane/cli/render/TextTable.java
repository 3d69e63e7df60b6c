package cloud.lightpane.cli.render;

import cloud.lightpane.cli.terminal.ScreenText;
import cloud.lightpane.cli.terminal.TerminalFacts;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain text table: column labels, then rows, columns two spaces apart. On a terminal it fits the
 * width by narrowing the widest columns and cutting their cells with an ellipsis, and may embolden
 * the labels; piped, it cuts nothing it was sized from and carries no escape codes. Rows added are
 * held until {@link #writeHead}; rows after it ({@link #writeRow}) are written at once in the same
 * widths, so a long table needs memory for its first rows only. Cells and labels pass through
 * {@link ScreenText}, so data can never move the cursor, change colours or reorder the line.
 */
public final class TextTable {
  static final String BOLD = "\u001b[1m";
  static final String DIM = "\u001b[2m";
  static final String RESET = "\u001b[0m";
  private static final String GAP = "  ";
  private static final int NARROWEST = 4;

  private final List<String> labels;
  private final List<String[]> rows = new ArrayList<>();
  private final StringBuilder line = new StringBuilder(256);
  private int[] widths; // set by writeHead
  private int lastRoom; // how wide the last column's cells may be, set by writeHead

  public TextTable(List<String> labels) {
    this.labels = new ArrayList<>(labels.size());
    for (String label : labels) {
      this.labels.add(visible(label));
    }
  }

  /** Adds a row; cells may be null (shown empty). */
  public void add(String[] cells) {
    rows.add(shown(cells));
  }

  private String[] shown(String[] cells) {
    String[] shown = new String[labels.size()];
    for (int i = 0; i < shown.length; i++) {
      shown[i] = i < cells.length ? visible(cells[i]) : "";
    }
    return shown;
  }

  public int size() {
    return rows.size();
  }

  /** Writes the table; {@code colour} and {@code facts.width()} apply only on a terminal. */
  public void write(Writer out, TerminalFacts facts, boolean colour) throws IOException {
    write(out, facts, colour, true);
  }

  /** Writes the table, with or without its label line ({@code --no-headers}). */
  public void write(Writer out, TerminalFacts facts, boolean colour, boolean withLabels)
      throws IOException {
    writeHead(out, facts, colour, withLabels);
  }

  /**
   * Writes the label line (if {@code withLabels}) and the rows added so far, sized to them, then
   * forgets those rows and keeps their column widths for {@link #writeRow}: the way a table streams
   * in bounded memory, sized from a first window of rows.
   */
  public void writeHead(Writer out, TerminalFacts facts, boolean colour, boolean withLabels)
      throws IOException {
    int n = labels.size();
    widths = new int[n];
    for (int i = 0; i < n; i++) {
      widths[i] = withLabels ? length(labels.get(i)) : 0;
    }
    for (String[] row : rows) {
      for (int i = 0; i < n; i++) {
        widths[i] = Math.max(widths[i], length(row[i]));
      }
    }
    lastRoom = Integer.MAX_VALUE; // piped: nothing follows the last column to misalign
    if (facts.interactive() && n > 0) {
      fit(widths, facts.width());
      // the last column may use what the terminal has left
      long others = (long) GAP.length() * (n - 1);
      for (int i = 0; i < n - 1; i++) {
        others += widths[i];
      }
      lastRoom = (int) Math.max(widths[n - 1], facts.width() - others);
    }
    StringBuilder line = this.line;
    if (withLabels) {
      line.setLength(0);
      for (int i = 0; i < n; i++) {
        boolean last = i == n - 1;
        // the last label, like the last column's cells, may use what the terminal has left
        cell(line, labels.get(i), last ? lastRoom : widths[i], last, colour ? BOLD : null);
      }
      out.write(line.append('\n').toString());
    }
    for (String[] row : rows) {
      writeLine(out, row);
    }
    rows.clear();
  }

  /**
   * Writes one more row in the widths {@link #writeHead} chose: a cell wider than its column is cut
   * with an ellipsis; the last column is cut only where the terminal ends (piped, never). Cells may
   * be null (shown empty).
   */
  public void writeRow(Writer out, String[] cells) throws IOException {
    if (widths == null) {
      throw new IllegalStateException("writeHead comes first");
    }
    writeLine(out, shown(cells));
  }

  private void writeLine(Writer out, String[] row) throws IOException {
    int n = row.length;
    line.setLength(0);
    for (int i = 0; i < n; i++) {
      boolean last = i == n - 1;
      cell(line, row[i], last ? lastRoom : widths[i], last, null);
    }
    out.write(line.append('\n').toString());
  }

  /**
   * Narrows columns until the table fits: finds the largest cap such that every column no wider
   * than the cap, plus the gaps, fits the terminal; columns wider than the cap are cut to it.
   */
  static void fit(int[] widths, int terminalWidth) {
    int gaps = GAP.length() * Math.max(0, widths.length - 1);
    int widest = 0;
    long total = gaps;
    for (int w : widths) {
      widest = Math.max(widest, w);
      total += w;
    }
    if (total <= terminalWidth) {
      return;
    }
    int low = NARROWEST;
    int high = widest;
    while (low < high) {
      int cap = (low + high + 1) >>> 1;
      long sum = gaps;
      for (int w : widths) {
        sum += Math.min(w, cap);
      }
      if (sum <= terminalWidth) {
        low = cap;
      } else {
        high = cap - 1;
      }
    }
    for (int i = 0; i < widths.length; i++) {
      widths[i] = Math.min(widths[i], low);
    }
  }

  private static void cell(StringBuilder line, String text, int width, boolean last, String style) {
    int length = length(text);
    String shown = text;
    if (length > width) {
      shown = cut(text, width);
      length = width;
    }
    if (style != null) {
      line.append(style).append(shown).append(RESET);
    } else {
      line.append(shown);
    }
    if (!last) {
      line.append(" ".repeat(width - length)).append(GAP);
    }
  }

  private static String cut(String text, int width) {
    if (width <= 1) {
      return "…".substring(0, Math.max(0, width));
    }
    int end = text.offsetByCodePoints(0, width - 1);
    return text.substring(0, end) + "…";
  }

  private static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  /** The cell as it may be shown: one line, nothing that drives the terminal. */
  public static String visible(String text) {
    return ScreenText.escape(text);
  }
}
