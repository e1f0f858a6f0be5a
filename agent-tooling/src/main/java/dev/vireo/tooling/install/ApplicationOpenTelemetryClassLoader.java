package dev.vireo.tooling.install;

import dev.vireo.bootstrap.ParallelLoadingClassLoader;
import java.io.IOException;
import java.security.ProtectionDomain;

/**
 * Defines the classes of one module that face the application's own OpenTelemetry API (a bridge
 * implementing the application's {@code Span} or {@code ContextStorage}), for one application class
 * loader. The agent does not relocate its OpenTelemetry copy, so one class cannot name both: here
 * {@code io.opentelemetry.*} is the application's, and everything else (the JDK, the agent, the
 * module's agent-facing classes) comes through the module's {@link ModuleClassLoader}, so the two
 * sides meet only in signatures made of JDK types.
 */
final class ApplicationOpenTelemetryClassLoader extends ParallelLoadingClassLoader {

  static {
    registerAsParallelCapable(); // not inherited
  }

  private final ModuleClasses moduleClasses;
  private final ClassLoader moduleLoader;
  private final ClassLoader applicationLoader;
  private final ProtectionDomain protectionDomain;

  ApplicationOpenTelemetryClassLoader(
      ModuleClasses moduleClasses, ClassLoader moduleLoader, ClassLoader applicationLoader) {
    super(null);
    this.moduleClasses = moduleClasses;
    this.moduleLoader = moduleLoader;
    this.applicationLoader = applicationLoader;
    this.protectionDomain = ApplicationOpenTelemetryClassLoader.class.getProtectionDomain();
  }

  @Override
  protected Class<?> loadNew(String name) throws ClassNotFoundException {
    if (moduleClasses.facesApplicationOpenTelemetry(name)) {
      return define(name);
    }
    if (name.startsWith("io.opentelemetry.") && applicationLoader != null) {
      return Class.forName(name, false, applicationLoader);
    }
    return Class.forName(name, false, moduleLoader);
  }

  private Class<?> define(String name) throws ClassNotFoundException {
    byte[] bytes;
    try {
      bytes = moduleClasses.bytes(name);
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
    return defineClass(name, bytes, 0, bytes.length, protectionDomain);
  }

  @Override
  public String toString() {
    return "VireoApplicationOpenTelemetryClassLoader[" + moduleClasses.packagePrefix + " for " + applicationLoader + "]";
  }
}
