package dev.vireo.tooling.install;

/**
 * Which classes belong to the agent side (the JDK, the agent's own code, the OpenTelemetry SDK and
 * Byte Buddy): module classes always resolve these from the agent, and never check them against an
 * application. Everything else is library code resolved from the application's class loader.
 */
final class AgentPackages {

  private static final String[] AGENT_PREFIXES = {
    "java.",
    "dev.vireo.bootstrap.",
    "dev.vireo.instrumentation.api.",
    "dev.vireo.instrumentation.spi.",
    "dev.vireo.tooling.",
    "io.opentelemetry.",
    "net.bytebuddy.",
  };

  private AgentPackages() {}

  /** Binary name, e.g. {@code io.opentelemetry.context.Context}. */
  static boolean isAgentClass(String className) {
    for (String prefix : AGENT_PREFIXES) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** Internal name, e.g. {@code io/opentelemetry/context/Context}. */
  static boolean isAgentInternalName(String internalName) {
    return isAgentClass(internalName.replace('/', '.'));
  }
}
