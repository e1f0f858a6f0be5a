package dev.vireo.tooling.protection;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * Reads the JVM's memory pressure: the share of the maximum heap still in use after the latest
 * collections, and the milliseconds spent collecting since start. Platform MXBeans only, read
 * from the circuit breaker's own thread.
 */
final class MemoryPressure {

  private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
  private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();

  /** Heap in use after the latest collection of each heap pool, as a share of the maximum heap; -1 when unknown. */
  double heapUsedAfterGc() {
    long max = Runtime.getRuntime().maxMemory();
    if (max <= 0 || max == Long.MAX_VALUE) {
      return -1;
    }
    long used = 0;
    boolean known = false;
    for (MemoryPoolMXBean pool : pools) {
      if (pool.getType() != MemoryType.HEAP || !pool.isValid()) {
        continue;
      }
      MemoryUsage afterGc = pool.getCollectionUsage();
      if (afterGc != null) {
        used += afterGc.getUsed();
        known = true;
      }
    }
    return known ? (double) used / max : -1;
  }

  /** Total collection time of every collector, in milliseconds. */
  long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean collector : collectors) {
      long time = collector.getCollectionTime();
      if (time > 0) {
        total += time;
      }
    }
    return total;
  }
}
