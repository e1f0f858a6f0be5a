package dev.vireo.bootstrap;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;

/** Runs on the bootstrap class loader: creates the isolated agent class loader and hands over. */
public final class AgentStarter {

  static final String INSTALLER = "dev.vireo.tooling.AgentInstaller";

  private AgentStarter() {}

  public static void start(Instrumentation inst, File agentJar, String agentArgs) throws Exception {
    ClassLoader agentLoader = new AgentClassLoader(agentJar);
    Class<?> installer = Class.forName(INSTALLER, true, agentLoader);
    Method install =
        installer.getMethod("install", Instrumentation.class, ClassLoader.class, File.class, String.class);
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(agentLoader);
    try {
      install.invoke(null, inst, agentLoader, agentJar, agentArgs);
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }
}
