package dev.vireo.tooling.runtime;

import dev.vireo.bootstrap.VireoLog;

/**
 * What a runtime metric reads from (an MXBean, the memory pools), looked up when a metric callback first needs it:
 * at the metric reader's first collection, on the reader's thread, not when the SDK is built. That build runs inside
 * the application's first traced call, and the first look-up of a platform MXBean loads and initialises the JVM's
 * management implementation: tens of milliseconds that issue 21 does not allow on that path. A look-up that fails
 * (a JVM without {@code java.management}) is reported once and the metric stays empty.
 */
final class OnFirstCollection<T> {

  /** The look-up; Java 8 source, so no {@code Supplier} that could throw a checked exception is needed. */
  interface Lookup<T> {
    T find();
  }

  private final String what;
  private final Lookup<T> lookup;
  private volatile T value;
  private volatile boolean failed;

  OnFirstCollection(String what, Lookup<T> lookup) {
    this.what = what;
    this.lookup = lookup;
  }

  /** The value, looked up on the first call; null if the look-up failed. Racing first calls may both look up. */
  T get() {
    T current = value;
    if (current != null || failed) {
      return current;
    }
    try {
      current = lookup.find();
      value = current;
      return current;
    } catch (RuntimeException | LinkageError e) {
      failed = true;
      VireoLog.warn("JVM runtime metric {} is not recorded ({})", what, e.toString());
      return null;
    }
  }
}
