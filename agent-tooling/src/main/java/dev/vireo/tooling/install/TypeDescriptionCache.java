package dev.vireo.tooling.install;

import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.pool.TypePool;

/**
 * Type descriptions shared across all classes a loader defines. Matching walks super types
 * ({@code hasSuperType}); without sharing, a common base class is parsed again for every subclass,
 * which dominates start-up of applications with many classes. Per loader (held weakly), bounded,
 * and only for types that resolved: a class may still appear later in a loader.
 */
final class TypeDescriptionCache extends AgentBuilder.PoolStrategy.WithTypePoolCache {

  /** About a class library's worth; a full cache is dropped and refilled, never grown. */
  static final int MAX_TYPES_PER_LOADER = 16_384;

  private final Map<ClassLoader, TypePool.CacheProvider> byLoader = new WeakHashMap<>();
  private final TypePool.CacheProvider bootstrap = new Bounded();

  TypeDescriptionCache() {
    super(TypePool.Default.ReaderMode.FAST);
  }

  @Override
  protected TypePool.CacheProvider locate(ClassLoader loader) {
    if (loader == null) {
      return bootstrap;
    }
    synchronized (byLoader) {
      TypePool.CacheProvider cache = byLoader.get(loader);
      if (cache == null) {
        cache = new Bounded();
        byLoader.put(loader, cache);
      }
      return cache;
    }
  }

  private static final class Bounded extends TypePool.CacheProvider.Simple {
    @Override
    public TypePool.Resolution register(String name, TypePool.Resolution resolution) {
      if (!resolution.isResolved()) {
        return resolution;
      }
      if (getStorage().size() >= MAX_TYPES_PER_LOADER) {
        clear();
      }
      return super.register(name, resolution);
    }
  }
}
