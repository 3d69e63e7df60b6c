package cloud.lightpane.cli.render;

import java.io.IOException;
import java.util.List;

/**
 * Writes results as they stream in: for each result, {@link #resultStart}, its rows, then {@link
 * #resultEnd}; {@link #finish} once at the end, even when there were no results.
 */
public interface RowRenderer {
  void resultStart(ResultInfo result, List<Field> fields) throws IOException;

  void row(RowView row) throws IOException;

  void resultEnd(ResultInfo result) throws IOException;

  void finish() throws IOException;
}
