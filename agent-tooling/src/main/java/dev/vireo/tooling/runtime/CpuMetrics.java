package dev.vireo.tooling.runtime;

import io.opentelemetry.api.metrics.Meter;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * {@code jvm.cpu.time}, {@code jvm.cpu.count} and {@code jvm.cpu.recent_utilization}. Process CPU time and load
 * come from {@code com.sun.management.OperatingSystemMXBean} (HotSpot, and OpenJ9 which implements it too).
 */
final class CpuMetrics {

  private CpuMetrics() {}

  static void register(Meter meter) {
    meter
        .upDownCounterBuilder("jvm.cpu.count")
        .setUnit("{cpu}")
        .setDescription("Number of processors available to the Java virtual machine.")
        .buildWithCallback(m -> m.record(Runtime.getRuntime().availableProcessors()));
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (!(os instanceof com.sun.management.OperatingSystemMXBean)) {
      return;
    }
    com.sun.management.OperatingSystemMXBean process = (com.sun.management.OperatingSystemMXBean) os;
    meter
        .counterBuilder("jvm.cpu.time")
        .ofDoubles()
        .setUnit("s")
        .setDescription("CPU time used by the process as reported by the JVM.")
        .buildWithCallback(
            m -> {
              long nanos = process.getProcessCpuTime();
              if (nanos >= 0) {
                m.record(nanos / 1e9);
              }
            });
    meter
        .gaugeBuilder("jvm.cpu.recent_utilization")
        .setUnit("1")
        .setDescription("Recent CPU utilization for the process as reported by the JVM.")
        .buildWithCallback(
            m -> {
              double load = process.getProcessCpuLoad();
              if (load >= 0) {
                m.record(load);
              }
            });
  }
}
