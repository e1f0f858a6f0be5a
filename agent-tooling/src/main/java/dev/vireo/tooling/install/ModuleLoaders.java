package dev.vireo.tooling.install;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * One {@link ModuleClassLoader} per (module, application class loader). Only consulted when a call
 * site is linked, never per call. The module loader is held weakly: the linked call sites in the
 * application's classes keep it alive, and nothing here keeps an application loader alive.
 */
final class ModuleLoaders {

  private final ModuleClasses moduleClasses;
  private final ClassLoader agentLoader;
  private final Map<ClassLoader, WeakReference<ModuleClassLoader>> byApplicationLoader = new WeakHashMap<>();
  private ModuleClassLoader forBootstrap;

  ModuleLoaders(ModuleClasses moduleClasses, ClassLoader agentLoader) {
    this.moduleClasses = moduleClasses;
    this.agentLoader = agentLoader;
  }

  synchronized ModuleClassLoader get(ClassLoader applicationLoader) {
    if (applicationLoader == null) {
      if (forBootstrap == null) {
        forBootstrap = new ModuleClassLoader(moduleClasses, agentLoader, null);
      }
      return forBootstrap;
    }
    WeakReference<ModuleClassLoader> ref = byApplicationLoader.get(applicationLoader);
    ModuleClassLoader loader = ref == null ? null : ref.get();
    if (loader == null) {
      loader = new ModuleClassLoader(moduleClasses, agentLoader, applicationLoader);
      byApplicationLoader.put(applicationLoader, new WeakReference<>(loader));
    }
    return loader;
  }
}
