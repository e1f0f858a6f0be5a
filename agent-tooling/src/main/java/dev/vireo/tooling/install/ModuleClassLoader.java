package dev.vireo.tooling.install;

import dev.vireo.bootstrap.ParallelLoadingClassLoader;
import java.io.IOException;
import java.security.ProtectionDomain;

/**
 * Defines one instrumentation module's advice and helper classes for one application class loader.
 * They see the agent (instrumentation API, SDK) through the agent loader, which wins for those
 * packages so the application's own OpenTelemetry or Byte Buddy versions never leak into the agent,
 * and everything else (the library) through the application loader, which wins for the rest so a
 * library the agent also bundles privately (OkHttp) is the application's copy.
 */
final class ModuleClassLoader extends ParallelLoadingClassLoader {

  static {
    registerAsParallelCapable(); // not inherited
  }

  private final ModuleClasses moduleClasses;
  private final ClassLoader agentLoader;
  private final ClassLoader applicationLoader;
  private final ProtectionDomain protectionDomain;
  private volatile ApplicationOpenTelemetryClassLoader applicationOpenTelemetrySide;

  ModuleClassLoader(ModuleClasses moduleClasses, ClassLoader agentLoader, ClassLoader applicationLoader) {
    super(null);
    this.moduleClasses = moduleClasses;
    this.agentLoader = agentLoader;
    this.applicationLoader = applicationLoader;
    this.protectionDomain = ModuleClassLoader.class.getProtectionDomain();
  }

  @Override
  protected Class<?> loadNew(String name) throws ClassNotFoundException {
    if (moduleClasses.facesApplicationOpenTelemetry(name)) {
      return applicationOpenTelemetrySide().loadClass(name);
    }
    return moduleClasses.contains(name) ? defineModuleClass(name) : fromAgentOrApplication(name);
  }

  /** The loader of this module's classes that face the application's OpenTelemetry API. */
  private ApplicationOpenTelemetryClassLoader applicationOpenTelemetrySide() {
    ApplicationOpenTelemetryClassLoader side = applicationOpenTelemetrySide;
    if (side == null) {
      synchronized (this) {
        side = applicationOpenTelemetrySide;
        if (side == null) {
          side = new ApplicationOpenTelemetryClassLoader(moduleClasses, this, applicationLoader);
          applicationOpenTelemetrySide = side;
        }
      }
    }
    return side;
  }

  private Class<?> defineModuleClass(String name) throws ClassNotFoundException {
    byte[] bytes;
    try {
      bytes = moduleClasses.bytes(name);
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
    return defineClass(name, bytes, 0, bytes.length, protectionDomain);
  }

  /**
   * Agent classes from the agent (so an application's own OpenTelemetry or Byte Buddy never mixes
   * in); everything else, the instrumented library, from the application, even when the agent
   * carries a private copy (OkHttp, Okio and Kotlin for the OTLP exporter): advice works on the
   * application's objects. Each side falls back to the other for what it cannot resolve (platform
   * classes such as {@code javax.sql}).
   */
  private Class<?> fromAgentOrApplication(String name) throws ClassNotFoundException {
    boolean agentFirst = applicationLoader == null || AgentPackages.isAgentClass(name);
    ClassLoader first = agentFirst ? agentLoader : applicationLoader;
    ClassLoader second = agentFirst ? applicationLoader : agentLoader;
    try {
      return Class.forName(name, false, first);
    } catch (ClassNotFoundException notFirst) {
      if (second == null) {
        throw notFirst;
      }
      return Class.forName(name, false, second);
    }
  }

  @Override
  public String toString() {
    return "VireoModuleClassLoader[" + moduleClasses.packagePrefix + " for " + applicationLoader + "]";
  }
}
