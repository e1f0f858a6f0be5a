package dev.vireo.smoke;

import dev.vireo.testing.otlp.AgentJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Paths handed over by the build: the agent jar under test and the test apps' class path. */
public final class SmokeEnvironment {

  private SmokeEnvironment() {}

  public static Path agentJar() {
    Path jar = Paths.get(System.getProperty("vireo.agent.jar", "../agent/target/vireo-agent.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("agent jar not built: " + jar.toAbsolutePath());
    }
    return jar;
  }

  /** This module's test classes: the class path of the test apps. */
  public static Path testClasses() {
    return Paths.get(System.getProperty("vireo.test.classes", "target/test-classes"));
  }

  /**
   * This module's test class path without Vireo's own modules (a test dependency here only to compile
   * the extension jar): an application never has them.
   */
  public static String applicationClasspath() {
    return java.util.Arrays.stream(AgentJvm.currentClasspath().split(java.io.File.pathSeparator))
        .filter(entry -> !entry.matches(".*(agent-bootstrap|instrumentation-api|agent-tooling|agent-testing).*"))
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
  }

  /** A forked JVM running a test app from this module's test classes, with the agent attached. */
  public static AgentJvm appWithAgent(String mainClass) {
    return AgentJvm.builder()
        .javaagent(agentJar())
        .classpath(testClasses())
        .mainClass(mainClass)
        .systemProperty("otel.metrics.exporter", "none")
        .systemProperty("otel.bsp.schedule.delay", "200");
  }
}
