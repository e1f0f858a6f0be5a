package dev.vireo.bootstrap;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.util.jar.JarFile;

/**
 * The {@code Premain-Class} and {@code Agent-Class} of vireo-agent.jar.
 *
 * <p>This class is loaded by the system class loader (the JVM puts the agent jar on the class path).
 * It must not touch any other Vireo class before the jar is appended to the bootstrap search path,
 * otherwise the system class loader would define a second copy of it.
 */
public final class VireoAgent {

  private VireoAgent() {}

  public static void premain(String agentArgs, Instrumentation inst) {
    start(agentArgs, inst);
  }

  public static void agentmain(String agentArgs, Instrumentation inst) {
    start(agentArgs, inst);
  }

  private static void start(String agentArgs, Instrumentation inst) {
    try {
      if (!enabled(agentArgs)) {
        return;
      }
      File jar = agentJar();
      JarFile agentJar = new JarFile(jar, false);
      // the name as AgentClassLoader stores it; a literal, so that this class (loaded by the application class
      // loader) makes that loader load no other Vireo class
      if (agentJar.getEntry("i/dev/vireo/tooling/AgentInstaller") == null) {
        System.err.println(
            "[vireo] ERROR the agent's classes were loaded from " + jar + ", which is not vireo-agent.jar"
                + " (are Vireo's own jars on the application class path?); the application runs without tracing");
        return;
      }
      inst.appendToBootstrapClassLoaderSearch(agentJar);
      // From here on every Vireo class name resolves to its bootstrap copy.
      Class<?> starter = Class.forName("dev.vireo.bootstrap.AgentStarter", true, null);
      starter
          .getMethod("start", Instrumentation.class, File.class, String.class)
          .invoke(null, inst, jar, agentArgs);
    } catch (Throwable t) {
      // Never stop the application from starting because of the agent.
      Throwable cause = t instanceof InvocationTargetException && t.getCause() != null ? t.getCause() : t;
      System.err.println("[vireo] ERROR agent failed to start; the application runs without tracing: " + cause);
    }
  }

  /** Read without any other Vireo class: system property, agent argument, then environment. */
  static boolean enabled(String agentArgs) {
    String value = System.getProperty("otel.javaagent.enabled");
    if (value == null && agentArgs != null) {
      for (String pair : agentArgs.split("[;,]")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).trim().equals("otel.javaagent.enabled")) {
          value = pair.substring(eq + 1).trim();
        }
      }
    }
    if (value == null) {
      value = System.getenv("OTEL_JAVAAGENT_ENABLED");
    }
    return value == null || !value.trim().equalsIgnoreCase("false");
  }

  private static File agentJar() throws Exception {
    URL location = VireoAgent.class.getProtectionDomain().getCodeSource().getLocation();
    return new File(location.toURI());
  }
}
