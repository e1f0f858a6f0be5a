package dev.vireo.instrumentation.api;

import java.io.InputStream;
import java.util.Properties;

/** The agent version, from the build (filtered resource). */
public final class VireoVersion {

  public static final String VERSION = read();

  private VireoVersion() {}

  private static String read() {
    try (InputStream in = VireoVersion.class.getResourceAsStream("vireo-version.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        return properties.getProperty("version", "unknown");
      }
    } catch (Exception ignored) {
      // fall through
    }
    return "unknown";
  }
}
