package cloud.lightpane.cli.shell;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.jline.reader.impl.history.DefaultHistory;

/**
 * The shell's history, kept across sessions in {@code $XDG_STATE_HOME/lightpane/history} (default
 * {@code ~/.local/state/lightpane/history}), readable by its owner only.
 *
 * <p>A line that may hold a secret is never recorded, in the file or in memory: one with an access
 * token ({@code csl_ak_}, {@code csl_em_}, {@code csl_dm_} followed by token characters), a session
 * cookie ({@code lightpane_session=}), or one typed with a leading space (as bash's {@code
 * HISTCONTROL=ignorespace}, for anything else a user wants kept out). Such a line still runs.
 */
final class SecretFreeHistory extends DefaultHistory {
  private static final Pattern SECRET =
      Pattern.compile("csl_(ak|em|dm)_[A-Za-z0-9_-]|lightpane_session=", Pattern.CASE_INSENSITIVE);

  @Override
  public void add(Instant time, String line) {
    if (recordable(line)) {
      super.add(time, line);
    }
  }

  /** Whether {@code line} may be written to the history. */
  static boolean recordable(String line) {
    return !line.isBlank() && !line.startsWith(" ") && !SECRET.matcher(line).find();
  }

  /** Where the history lives for this environment. */
  static Path location(Map<String, String> env) {
    String state = env.get("XDG_STATE_HOME");
    Path base =
        state != null && !state.isBlank() && Path.of(state).isAbsolute()
            ? Path.of(state)
            : Path.of(System.getProperty("user.home"), ".local", "state");
    return base.resolve("lightpane").resolve("history");
  }

  /** Creates the history's directory (owner-only when new) and the file, owner-only. */
  static void prepare(Path file) throws IOException {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    Path dir = file.getParent();
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
      if (posix) {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      }
    }
    if (!Files.exists(file)) {
      Files.createFile(file);
    }
    if (posix) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
  }
}
