package cloud.lightpane.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The client's version, from a resource the build fills in. */
public final class Version {
  private static final String VERSION = load();

  private Version() {}

  /** The version, such as {@code 0.1.0}, or {@code dev} when run outside a build. */
  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "dev");
      return v.startsWith("${") ? "dev" : v;
    } catch (IOException e) {
      return "dev";
    }
  }
}
