package dev.vireo.tooling.runtime;

import static dev.vireo.tooling.runtime.RuntimeAttributes.BUFFER_POOL_NAME;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/** Experimental: {@code jvm.buffer.memory.used}, {@code jvm.buffer.memory.limit}, {@code jvm.buffer.count}. */
final class BufferPoolMetrics {

  private final List<BufferPoolMXBean> pools;
  private final List<Attributes> attributes = new ArrayList<>();

  private BufferPoolMetrics(List<BufferPoolMXBean> pools) {
    this.pools = pools;
    for (BufferPoolMXBean pool : pools) {
      attributes.add(Attributes.of(BUFFER_POOL_NAME, pool.getName()));
    }
  }

  static void register(Meter meter) {
    BufferPoolMetrics metrics = new BufferPoolMetrics(ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class));
    meter
        .upDownCounterBuilder("jvm.buffer.memory.used")
        .setUnit("By")
        .setDescription("Measure of memory used by buffers.")
        .buildWithCallback(m -> metrics.observe(m, BufferPoolMXBean::getMemoryUsed));
    meter
        .upDownCounterBuilder("jvm.buffer.memory.limit")
        .setUnit("By")
        .setDescription("Measure of total memory capacity of buffers.")
        .buildWithCallback(m -> metrics.observe(m, BufferPoolMXBean::getTotalCapacity));
    meter
        .upDownCounterBuilder("jvm.buffer.count")
        .setUnit("{buffer}")
        .setDescription("Number of buffers in the pool.")
        .buildWithCallback(m -> metrics.observe(m, BufferPoolMXBean::getCount));
  }

  private void observe(ObservableLongMeasurement measurement, ToLongFunction<BufferPoolMXBean> value) {
    for (int i = 0; i < pools.size(); i++) {
      long v = value.applyAsLong(pools.get(i));
      if (v >= 0) {
        measurement.record(v, attributes.get(i));
      }
    }
  }
}
