package cloud.lightpane.cli.diff;

import cloud.lightpane.cli.kernel.CliContext;
import cloud.lightpane.cli.kernel.CommandFailure;
import cloud.lightpane.cli.kernel.ExitCodes;
import cloud.lightpane.cli.kernel.GlobalOptions;
import cloud.lightpane.cli.render.Field;
import cloud.lightpane.cli.render.JsonLinesRenderer;
import cloud.lightpane.cli.render.ResultInfo;
import cloud.lightpane.cli.render.RowRenderer;
import cloud.lightpane.cli.render.RowView;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The hook {@code discover} runs its rows through for {@code --save} and {@code --compare-to}:
 * {@link #wrap} puts itself around the run's renderer, {@link #tee} around a {@code -o json} body,
 * and {@link #finish} writes the snapshot file (atomically, so a failed run leaves the old file as
 * it was) and prints the diff, returning the exit code.
 */
public class LiveSnapshot implements AutoCloseable {
  /** The hook of a run with neither option: it changes nothing. */
  static final LiveSnapshot NONE = new LiveSnapshot();

  private LiveSnapshot() {}

  static LiveSnapshot start(
      CliContext context, GlobalOptions global, SnapshotOptions options, String output) {
    return new Active(context, global, options, output);
  }

  /** The renderer the rows go to: {@code renderer} itself, or with the snapshot work added. */
  public RowRenderer wrap(RowRenderer renderer) {
    return renderer;
  }

  /** A {@code -o json} response body as the renderer should read it. */
  public InputStream tee(InputStream body) throws IOException {
    return body;
  }

  /** Ends the run once every row is rendered and returns its exit code. */
  public int finish() throws IOException {
    return ExitCodes.OK;
  }

  @Override
  public void close() {}

  /** A run with {@code --save} or {@code --compare-to}. */
  private static final class Active extends LiveSnapshot {
    private final CliContext context;
    private final GlobalOptions global;
    private final Path save;
    private final Path saveTemp;
    private final Writer saveWriter;
    private final JsonLinesRenderer saved;
    private final SnapshotDiff diff;
    private final DiffFormat format;
    private RecordSorter old;
    private RecordSorter now;
    private final List<Path> bodies = new ArrayList<>();

    Active(CliContext context, GlobalOptions global, SnapshotOptions options, String output) {
      this.context = context;
      this.global = global;
      this.save = options.save;
      if (options.compareTo != null) {
        format = DiffFormat.parse(output == null ? "table" : output);
        diff = options.diff.open(context);
        try {
          old = diff.side();
          diff.read(options.compareTo, context, old);
        } catch (RuntimeException e) {
          diff.close();
          throw e;
        }
        now = diff.side();
      } else {
        format = null;
        diff = null;
      }
      if (save != null) {
        try {
          Path parent = save.toAbsolutePath().getParent();
          saveTemp = Files.createTempFile(parent, "." + save.getFileName(), ".tmp");
          saveWriter =
              new BufferedWriter(
                  new OutputStreamWriter(Files.newOutputStream(saveTemp), StandardCharsets.UTF_8),
                  1 << 16);
        } catch (IOException e) {
          close();
          throw new CommandFailure(
              ExitCodes.USAGE, "Cannot write --save " + save + ": " + e.getMessage(), e);
        }
        saved = new JsonLinesRenderer(saveWriter);
      } else {
        saveTemp = null;
        saveWriter = null;
        saved = null;
      }
    }

    @Override
    public RowRenderer wrap(RowRenderer renderer) {
      RowRenderer shown = diff != null ? new LiveSide(diff, now) : renderer;
      return saved == null ? shown : new BothRenderers(shown, saved);
    }

    @Override
    public InputStream tee(InputStream body) throws IOException {
      if (saved == null) {
        return body;
      }
      // A split run has a body per request: each is kept, in order.
      Path copy = Files.createTempFile(saveTemp.getParent(), "." + save.getFileName(), ".json");
      bodies.add(copy);
      return new TeeInputStream(body, Files.newOutputStream(copy));
    }

    @Override
    public int finish() throws IOException {
      if (saved != null) {
        for (Path body : bodies) {
          copyDocument(body);
        }
        saved.finish();
        saveWriter.close();
        Files.move(
            saveTemp, save, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      if (diff == null) {
        return ExitCodes.OK;
      }
      return DiffPrinter.print(context, global, diff, old, now, format);
    }

    /** The {@code -o json} body, kept while it was printed, as JSON Lines in the saved file. */
    private void copyDocument(Path body) throws IOException {
      SnapshotReader reader = new SnapshotReader("the response", new Saver(saved));
      try (InputStream in = Files.newInputStream(body)) {
        reader.read(in);
      } catch (SnapshotException e) {
        throw new CommandFailure(
            ExitCodes.SERVER, "The response cannot be saved as a snapshot: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      try {
        if (saveWriter != null) {
          saveWriter.close();
        }
      } catch (IOException e) {
        // The file is removed below anyway.
      }
      delete(saveTemp);
      for (Path body : bodies) {
        delete(body);
      }
      if (diff != null) {
        diff.close();
      }
    }

    private static void delete(Path file) {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          // A leftover temporary file is not worth failing the command for.
        }
      }
    }
  }

  /** Writes snapshot rows as {@code discover -o jsonl} lines, through the same renderer. */
  private static final class Saver implements SnapshotReader.Sink {
    private final JsonLinesRenderer out;
    private final SavedRow view = new SavedRow();

    Saver(JsonLinesRenderer out) {
      this.out = out;
    }

    @Override
    public void row(SnapshotRow row) throws IOException {
      out.resultStart(
          new ResultInfo(row.service(), null, row.provider(), row.region(), 0, null), List.of());
      out.row(view.of(row));
      out.resultEnd(null);
    }
  }

  /** A snapshot row as a renderer's row; only its JSON is ever asked for. */
  private static final class SavedRow implements RowView {
    private SnapshotRow row;

    SavedRow of(SnapshotRow row) {
      this.row = row;
      return this;
    }

    @Override
    public String text(String key) {
      return JsonValues.display(row.value(key));
    }

    @Override
    public boolean isString(String key) {
      String value = row.value(key);
      return value != null && value.startsWith("\"");
    }

    @Override
    public void writeJson(Appendable out) throws IOException {
      out.append(row.json());
    }
  }

  /** Every event to two renderers. */
  private static final class BothRenderers implements RowRenderer {
    private final RowRenderer first;
    private final RowRenderer second;

    BothRenderers(RowRenderer first, RowRenderer second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void resultStart(ResultInfo result, List<Field> fields) throws IOException {
      first.resultStart(result, fields);
      second.resultStart(result, fields);
    }

    @Override
    public void row(RowView row) throws IOException {
      first.row(row);
      second.row(row);
    }

    @Override
    public void resultEnd(ResultInfo result) throws IOException {
      first.resultEnd(result);
      second.resultEnd(result);
    }

    @Override
    public void finish() throws IOException {
      first.finish();
      second.finish();
    }
  }

  /** The live rows as the new side of a diff. */
  private static final class LiveSide implements RowRenderer {
    private final SnapshotDiff diff;
    private final RecordSorter side;
    private final StringBuilder json = new StringBuilder(512);
    private ResultInfo result;

    LiveSide(SnapshotDiff diff, RecordSorter side) {
      this.diff = diff;
      this.side = side;
    }

    @Override
    public void resultStart(ResultInfo result, List<Field> fields) {
      this.result = result;
    }

    @Override
    public void row(RowView row) throws IOException {
      json.setLength(0);
      row.writeJson(json);
      diff.add(
          side,
          JsonValues.parseRow(
              result.service(),
              result.provider() == null ? "" : result.provider(),
              result.region() == null ? "" : result.region(),
              json.toString()));
    }

    @Override
    public void resultEnd(ResultInfo result) {
      this.result = null;
    }

    @Override
    public void finish() {}
  }
}
