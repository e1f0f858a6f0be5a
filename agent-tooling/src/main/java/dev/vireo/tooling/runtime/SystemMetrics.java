package dev.vireo.tooling.runtime;

import io.opentelemetry.api.metrics.Meter;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * Experimental: {@code jvm.system.cpu.utilization}, {@code jvm.system.cpu.load_1m} and, on Unix, {@code
 * jvm.file_descriptor.count} and {@code jvm.file_descriptor.limit}: what the JVM reports of the machine.
 */
final class SystemMetrics {

  private SystemMetrics() {}

  static void register(Meter meter) {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    meter
        .gaugeBuilder("jvm.system.cpu.load_1m")
        .setUnit("{run_queue_item}")
        .setDescription("Average CPU load of the whole system for the last minute as reported by the JVM.")
        .buildWithCallback(
            m -> {
              double load = os.getSystemLoadAverage();
              if (load >= 0) {
                m.record(load);
              }
            });
    if (os instanceof com.sun.management.OperatingSystemMXBean) {
      com.sun.management.OperatingSystemMXBean system = (com.sun.management.OperatingSystemMXBean) os;
      meter
          .gaugeBuilder("jvm.system.cpu.utilization")
          .setUnit("1")
          .setDescription("Recent CPU utilization for the whole system as reported by the JVM.")
          .buildWithCallback(
              m -> {
                @SuppressWarnings("deprecation") // getCpuLoad() is its Java 14+ name; this one works on 8 to 25
                double load = system.getSystemCpuLoad();
                if (load >= 0) {
                  m.record(load);
                }
              });
    }
    if (os instanceof com.sun.management.UnixOperatingSystemMXBean) {
      com.sun.management.UnixOperatingSystemMXBean unix = (com.sun.management.UnixOperatingSystemMXBean) os;
      meter
          .upDownCounterBuilder("jvm.file_descriptor.count")
          .setUnit("{file_descriptor}")
          .setDescription("Number of open file descriptors as reported by the JVM.")
          .buildWithCallback(m -> m.record(unix.getOpenFileDescriptorCount()));
      meter
          .upDownCounterBuilder("jvm.file_descriptor.limit")
          .setUnit("{file_descriptor}")
          .setDescription("Measure of max file descriptors.")
          .buildWithCallback(m -> m.record(unix.getMaxFileDescriptorCount()));
    }
  }
}
