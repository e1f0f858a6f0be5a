package dev.vireo.instrumentation.opentelemetryapi.v1_0;

import dev.vireo.instrumentation.api.AgentLog;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Whether a class loader's OpenTelemetry API is one the bridge knows: the 1.x line (newer 1.x
 * versions only add default methods, which keep their no-op behaviour), and never the agent's own
 * copy (in the test JVM the agent's API is on the application class path). The API says its version
 * in {@code io/opentelemetry/api/version.properties} since 1.2x; older 1.x jars have none, and the
 * module's reference check decides for them.
 */
final class ApplicationApiVersion extends ElementMatcher.Junction.AbstractBase<ClassLoader> {

  private static final String VERSION_RESOURCE = "io/opentelemetry/api/version.properties";

  @Override
  public boolean matches(ClassLoader loader) {
    if (loader == null || isAgentsOwn(loader)) {
      return false;
    }
    String version = version(loader);
    if (version != null && !version.startsWith("1.")) {
      AgentLog.debug("{}: OpenTelemetry API {} in {} is a version the bridge does not know; not bridged",
          OpenTelemetryApiModule.NAME, version, loader);
      return false;
    }
    return true;
  }

  /** The agent's own loader (the application class loader in tests, where the agent's API is on the class path). */
  private static boolean isAgentsOwn(ClassLoader loader) {
    return loader == ApplicationApiVersion.class.getClassLoader();
  }

  /** The API's version, or null when the jar does not say. */
  static String version(ClassLoader loader) {
    try (InputStream in = loader.getResourceAsStream(VERSION_RESOURCE)) {
      if (in == null) {
        return null;
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("sdk.version");
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
