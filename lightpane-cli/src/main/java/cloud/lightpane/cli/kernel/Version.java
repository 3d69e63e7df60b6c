package cloud.lightpane.cli.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this build, from a resource Maven fills in (no manifest needed). */
public final class Version {
  private static String version;

  private Version() {}

  /** E.g. {@code 0.1.0}; {@code unknown} when the resource is missing. */
  public static synchronized String get() {
    if (version == null) {
      Properties properties = new Properties();
      try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      } catch (IOException e) {
        // Fall through to "unknown": a version line is never worth failing a command.
      }
      version = properties.getProperty("version", "unknown");
    }
    return version;
  }
}
