package dev.vireo.bootstrap;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-name class loading locks of the agent's class loaders, held only while a name is being loaded. The locks of a
 * parallel-capable ClassLoader ({@code getClassLoadingLock}) stay for good: a String, a map node and a lock object for
 * each name ever asked for, about 0.4 MB of heap for the agent's loaders. Dropping a lock once its name is loaded is
 * safe: a thread that comes later finds the class already loaded, under a lock of its own.
 *
 * <pre>{@code
 * Object own = new Object();
 * Object lock = locks.lockFor(name, own);
 * try {
 *   synchronized (lock) { ... findLoadedClass, define or delegate ... }
 * } finally {
 *   locks.done(name, own);
 * }
 * }</pre>
 */
public final class LoadingLocks {

  private final ConcurrentHashMap<String, Object> held = new ConcurrentHashMap<>();

  /** The lock of a thread already loading {@code name}, or {@code own}, now held for it. */
  public Object lockFor(String name, Object own) {
    Object other = held.putIfAbsent(name, own);
    return other == null ? own : other;
  }

  /** Drops {@code own} if {@link #lockFor} made it the lock of {@code name}. */
  public void done(String name, Object own) {
    held.remove(name, own);
  }

  /** Names being loaded right now. */
  public int size() {
    return held.size();
  }
}
