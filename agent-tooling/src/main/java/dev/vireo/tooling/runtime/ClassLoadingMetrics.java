package dev.vireo.tooling.runtime;

import io.opentelemetry.api.metrics.Meter;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;

/** {@code jvm.class.loaded}, {@code jvm.class.unloaded} and {@code jvm.class.count}. */
final class ClassLoadingMetrics {

  private ClassLoadingMetrics() {}

  static void register(Meter meter) {
    ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
    meter
        .counterBuilder("jvm.class.loaded")
        .setUnit("{class}")
        .setDescription("Number of classes loaded since JVM start.")
        .buildWithCallback(m -> m.record(classes.getTotalLoadedClassCount()));
    meter
        .counterBuilder("jvm.class.unloaded")
        .setUnit("{class}")
        .setDescription("Number of classes unloaded since JVM start.")
        .buildWithCallback(m -> m.record(classes.getUnloadedClassCount()));
    meter
        .upDownCounterBuilder("jvm.class.count")
        .setUnit("{class}")
        .setDescription("Number of classes currently loaded.")
        .buildWithCallback(m -> m.record(classes.getLoadedClassCount()));
  }
}
