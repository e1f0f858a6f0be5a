package dev.vireo.tooling.runtime;

import static dev.vireo.tooling.runtime.RuntimeAttributes.MEMORY_POOL_NAME;
import static dev.vireo.tooling.runtime.RuntimeAttributes.MEMORY_TYPE;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * {@code jvm.memory.used}, {@code .committed}, {@code .limit}, {@code .used_after_last_gc} (and, experimental,
 * {@code .init}) per memory pool, read from the pool MXBeans when the metric reader collects.
 */
final class MemoryPoolMetrics {

  private final List<MemoryPoolMXBean> pools;
  private final List<Attributes> attributes;

  MemoryPoolMetrics(List<MemoryPoolMXBean> pools) {
    this.pools = pools;
    // the pools never change in a running JVM: their attributes are built once
    this.attributes = new ArrayList<>(pools.size());
    for (MemoryPoolMXBean pool : pools) {
      attributes.add(
          Attributes.of(
              MEMORY_TYPE, pool.getType() == MemoryType.HEAP ? "heap" : "non_heap", MEMORY_POOL_NAME, pool.getName()));
    }
  }

  static void register(Meter meter, boolean experimental) {
    new MemoryPoolMetrics(ManagementFactory.getMemoryPoolMXBeans()).registerOn(meter, experimental);
  }

  void registerOn(Meter meter, boolean experimental) {
    meter
        .upDownCounterBuilder("jvm.memory.used")
        .setUnit("By")
        .setDescription("Measure of memory used.")
        .buildWithCallback(m -> observe(m, false, MemoryUsage::getUsed));
    meter
        .upDownCounterBuilder("jvm.memory.committed")
        .setUnit("By")
        .setDescription("Measure of memory committed.")
        .buildWithCallback(m -> observe(m, false, MemoryUsage::getCommitted));
    meter
        .upDownCounterBuilder("jvm.memory.limit")
        .setUnit("By")
        .setDescription("Measure of max obtainable memory.")
        .buildWithCallback(m -> observe(m, false, MemoryUsage::getMax));
    meter
        .upDownCounterBuilder("jvm.memory.used_after_last_gc")
        .setUnit("By")
        .setDescription(
            "Measure of memory used, as measured after the most recent garbage collection event on this pool.")
        .buildWithCallback(m -> observe(m, true, MemoryUsage::getUsed));
    if (experimental) {
      meter
          .upDownCounterBuilder("jvm.memory.init")
          .setUnit("By")
          .setDescription("Measure of initial memory requested.")
          .buildWithCallback(m -> observe(m, false, MemoryUsage::getInit));
    }
  }

  /** One point per pool; none where the value is undefined (-1) or the pool has no collection usage. */
  private void observe(ObservableLongMeasurement measurement, boolean afterGc, ToLongFunction<MemoryUsage> value) {
    for (int i = 0; i < pools.size(); i++) {
      MemoryPoolMXBean pool = pools.get(i);
      MemoryUsage usage = afterGc ? pool.getCollectionUsage() : pool.getUsage();
      if (usage == null) {
        continue;
      }
      long v = value.applyAsLong(usage);
      if (v >= 0) {
        measurement.record(v, attributes.get(i));
      }
    }
  }
}
