package dev.quarry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Facts about the Quarry runtime on the class path or module path, such as its version. */
public final class Quarry {
  private static final String VERSION = readVersion();

  private Quarry() {}

  /**
   * The version of the Quarry runtime, for example {@code 0.1.0} (the Maven project version the
   * jar was built from; the jar's manifest carries the same value as {@code Implementation-Version}).
   */
  public static String version() {
    return VERSION;
  }

  private static String readVersion() {
    // Written by the build (resource filtering), so it is there in the jar and in target/classes.
    try (InputStream in = Quarry.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        String version = properties.getProperty("version");
        if (version != null && !version.isEmpty() && !version.startsWith("${")) {
          return version;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dev/quarry/version.properties", e);
    }
    // A repackaged jar without the resource: the manifest, if it was kept.
    String manifest = Quarry.class.getPackage().getImplementationVersion();
    return manifest != null ? manifest : "unknown";
  }
}
