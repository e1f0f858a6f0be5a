package dev.vireo.tooling.extension;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * Loads the extension jars named by {@code otel.javaagent.extensions}, on top of the agent class loader: extensions
 * see the agent's instrumentation API and OpenTelemetry SDK (parent first, so there is one SDK), the application never
 * sees the extensions. It is the service loader for instrumentation modules and for the SDK's autoconfiguration SPIs.
 */
public final class ExtensionClassLoader extends URLClassLoader {

  static {
    registerAsParallelCapable();
  }

  ExtensionClassLoader(URL[] jars, ClassLoader agentLoader) {
    super(jars, agentLoader);
  }

  @Override
  public String toString() {
    return "VireoExtensionClassLoader" + java.util.Arrays.toString(getURLs());
  }
}
