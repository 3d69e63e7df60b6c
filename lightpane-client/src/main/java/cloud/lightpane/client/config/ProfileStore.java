package cloud.lightpane.client.config;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The profile files the SDK and the {@code lightpane} command share: one {@code
 * profiles/NAME.properties} file per profile (keys as in {@link ClientSetting#key()}, plus any the
 * command adds) in the configuration directory: {@code LIGHTPANE_CONFIG_DIR}, else {@code
 * $XDG_CONFIG_HOME/lightpane}, else {@code ~/.config/lightpane}.
 *
 * <p>A profile may hold secrets, so the directory is created readable by the owner only and every
 * file is written owner-only, atomically (a crash never leaves half a file).
 */
public final class ProfileStore {
  /** The profile used when none is named. */
  public static final String DEFAULT_PROFILE = "default";

  /** The variable that names the configuration directory ({@code LIGHTPANE_CONFIG_DIR}). */
  public static final String CONFIG_DIR_ENV = "LIGHTPANE_CONFIG_DIR";

  private static final Pattern PROFILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private final Path dir;

  /**
   * The store in a configuration directory. Nothing is read or created until a method needs it.
   *
   * @param dir the configuration directory; its {@code profiles} subdirectory holds the files
   */
  public ProfileStore(Path dir) {
    this.dir = dir;
  }

  /**
   * {@return the store the process environment points at}: {@code LIGHTPANE_CONFIG_DIR}, else
   * {@code $XDG_CONFIG_HOME/lightpane}, else {@code ~/.config/lightpane}.
   */
  public static ProfileStore locate() {
    return locate(System.getenv());
  }

  /**
   * The store an environment points at, as {@link #locate()} finds it; empty variables count as
   * unset.
   *
   * @param env variable names to values, such as {@code System.getenv()}
   * @return the store in the directory the environment names
   */
  public static ProfileStore locate(Map<String, String> env) {
    String explicit = env.get(CONFIG_DIR_ENV);
    if (explicit != null && !explicit.isEmpty()) {
      return new ProfileStore(Paths.get(explicit));
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isEmpty()) {
      return new ProfileStore(Paths.get(xdg, "lightpane"));
    }
    return new ProfileStore(Paths.get(System.getProperty("user.home"), ".config", "lightpane"));
  }

  /** {@return the configuration directory} */
  public Path dir() {
    return dir;
  }

  /**
   * The file of a profile (it may not exist).
   *
   * @param profile the profile's name; see {@link #checkName}
   * @return {@code profiles/NAME.properties} in the configuration directory
   * @throws IllegalArgumentException for a name that is not a valid profile name
   */
  public Path file(String profile) {
    return dir.resolve("profiles").resolve(checkName(profile) + ".properties");
  }

  /**
   * Whether the profile's file exists.
   *
   * @param profile the profile's name; see {@link #checkName}
   * @return true if it is a regular file
   * @throws IllegalArgumentException for a name that is not a valid profile name
   */
  public boolean exists(String profile) {
    return Files.isRegularFile(file(profile));
  }

  /**
   * The names of the profiles on disk, sorted.
   *
   * @return the names, without {@code .properties}; empty when there is no {@code profiles}
   *     directory
   * @throws IOException if the directory cannot be listed
   */
  public List<String> profiles() throws IOException {
    Path profiles = dir.resolve("profiles");
    List<String> names = new ArrayList<>();
    if (!Files.isDirectory(profiles)) {
      return names;
    }
    try (Stream<Path> files = Files.list(profiles)) {
      files
          .map(path -> path.getFileName().toString())
          .filter(name -> name.endsWith(".properties"))
          .map(name -> name.substring(0, name.length() - ".properties".length()))
          .sorted()
          .forEach(names::add);
    }
    return names;
  }

  /**
   * The settings of a profile, sorted by key; the values are not checked (see {@link
   * ClientSetting#problem}).
   *
   * @param profile the profile's name; see {@link #checkName}
   * @return keys to values, modifiable; empty when the profile does not exist
   * @throws IOException if the file exists but cannot be read
   * @throws IllegalArgumentException for an invalid profile name, or a file with a malformed
   *     Unicode escape
   */
  public Map<String, String> read(String profile) throws IOException {
    Path file = file(profile);
    Map<String, String> settings = new TreeMap<>();
    if (!Files.isRegularFile(file)) {
      return settings;
    }
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    for (String name : properties.stringPropertyNames()) {
      settings.put(name, properties.getProperty(name));
    }
    return settings;
  }

  /**
   * Replaces a profile's settings, creating the directories readable by the owner only and the file
   * owner-only, atomically.
   *
   * @param profile the profile's name; see {@link #checkName}
   * @param settings keys to values, written sorted by key; an empty map deletes the profile
   * @throws IOException if a directory or the file cannot be written
   * @throws IllegalArgumentException for a name that is not a valid profile name
   */
  public void write(String profile, Map<String, String> settings) throws IOException {
    Path file = file(profile);
    if (settings.isEmpty()) {
      Files.deleteIfExists(file);
      return;
    }
    Path parent = file.getParent();
    createPrivateDirectories(parent);
    Path temp = parent.resolve("." + file.getFileName() + ".tmp");
    Files.deleteIfExists(temp);
    createPrivateFile(temp);
    try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, String> setting : new TreeMap<>(settings).entrySet()) {
        out.write(escape(setting.getKey(), true));
        out.write('=');
        out.write(escape(setting.getValue(), false));
        out.write('\n');
      }
    }
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Checks a profile name; it becomes a file name, so only letters, digits, '.', '_', '-'.
   *
   * @param profile the name, such as {@code staging}: a letter or digit, then up to 63 letters,
   *     digits, '.', '_' or '-', with no {@code ..}
   * @return the name, unchanged
   * @throws IllegalArgumentException for any other name, saying what would work
   */
  public static String checkName(String profile) {
    if (profile == null || !PROFILE_NAME.matcher(profile).matches() || profile.contains("..")) {
      throw new IllegalArgumentException(
          "Invalid profile name '"
              + profile
              + "': use letters, digits, '.', '_' or '-' (at most 64 characters)");
    }
    return profile;
  }

  private static void createPrivateDirectories(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      return;
    }
    Path parent = path.getParent();
    if (parent != null) {
      createPrivateDirectories(parent);
    }
    try {
      if (posix(path)) {
        Files.createDirectory(
            path,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectory(path);
      }
    } catch (FileAlreadyExistsException e) {
      // Created meanwhile by another process: fine.
    }
  }

  private static void createPrivateFile(Path path) throws IOException {
    if (posix(path.getParent())) {
      Files.createFile(
          path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(path);
      path.toFile().setReadable(false, false);
      path.toFile().setReadable(true, true);
      path.toFile().setWritable(false, false);
      path.toFile().setWritable(true, true);
    }
  }

  private static boolean posix(Path path) {
    Path existing = path;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    return existing != null
        && existing.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /** The escaping of {@link Properties#store}, without its date comment. */
  private static String escape(String text, boolean key) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '=', ':', '#', '!' -> out.append('\\').append(c);
        case ' ' -> out.append(key || i == 0 ? "\\ " : " ");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
