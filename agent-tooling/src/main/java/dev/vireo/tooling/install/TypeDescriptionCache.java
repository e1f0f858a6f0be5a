package dev.vireo.tooling.install;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.pool.TypePool;

/**
 * Type descriptions shared across all classes a loader defines. Matching walks super types
 * ({@code hasSuperType}); without sharing, a common base class is parsed again for every subclass,
 * which dominates start-up of applications with many classes. Per loader (held weakly), only for
 * types that resolved (a class may still appear later in a loader), and only the most recently used:
 * a parsed description keeps the tokens of all its methods, and keeping every one held ~90 MB of heap
 * for good in the example shop. Shop start-up, 2 runs each: no cache 25-26 s CPU; every type 15-17 s
 * CPU and 143 MB heap after a full GC; the 64 most recent 12-12.5 s and 62 MB (no agent: 8-8.6 s, 52-54 MB).
 * The shared base types (Object, Serializable, a framework's abstract classes) are what stays.
 */
final class TypeDescriptionCache extends AgentBuilder.PoolStrategy.WithTypePoolCache {

  static final int MAX_TYPES_PER_LOADER = 64;

  private final Map<ClassLoader, TypePool.CacheProvider> byLoader = new WeakHashMap<>();
  private final TypePool.CacheProvider bootstrap = new RecentTypes(MAX_TYPES_PER_LOADER);

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
        cache = new RecentTypes(MAX_TYPES_PER_LOADER);
        byLoader.put(loader, cache);
      }
      return cache;
    }
  }

  /** Forgets every cached type (all loaders); a matching in progress keeps the cache it already has. */
  void clear() {
    synchronized (byLoader) {
      byLoader.clear();
    }
    bootstrap.clear();
  }

  /** Cached types of a loader (0 when it has none); for tests. */
  int size(ClassLoader loader) {
    TypePool.CacheProvider cache;
    if (loader == null) {
      cache = bootstrap;
    } else {
      synchronized (byLoader) {
        cache = byLoader.get(loader);
      }
    }
    return cache == null ? 0 : ((RecentTypes) cache).size();
  }

  /** The resolved types most recently asked for, up to a capacity. */
  static final class RecentTypes implements TypePool.CacheProvider {
    private final Map<String, TypePool.Resolution> recent;

    RecentTypes(final int capacity) {
      this.recent =
          new LinkedHashMap<String, TypePool.Resolution>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TypePool.Resolution> eldest) {
              return size() > capacity;
            }
          };
    }

    @Override
    public synchronized TypePool.Resolution find(String name) {
      return recent.get(name);
    }

    @Override
    public synchronized TypePool.Resolution register(String name, TypePool.Resolution resolution) {
      if (!resolution.isResolved()) {
        return resolution;
      }
      TypePool.Resolution known = recent.putIfAbsent(name, resolution);
      return known == null ? resolution : known;
    }

    @Override
    public synchronized void clear() {
      recent.clear();
    }

    synchronized int size() {
      return recent.size();
    }
  }
}
