package dev.vireo.tooling.runtime;

import dev.vireo.bootstrap.VireoLog;
import dev.vireo.instrumentation.api.VireoVersion;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterProvider;

/**
 * The JVM runtime metrics of the semantic conventions, from the platform MXBeans: observable instruments read
 * when the metric reader collects, and GC durations from GC notifications. No thread of its own, nothing done
 * between exports.
 */
public final class RuntimeMetrics implements AutoCloseable {

  static final String SCOPE = "dev.vireo.runtime-telemetry";

  private final GcDurationMetric gcDuration;

  private RuntimeMetrics(GcDurationMetric gcDuration) {
    this.gcDuration = gcDuration;
  }

  /** Registers what {@code settings} ask for; a part the JVM cannot provide is left out with a DEBUG line. */
  public static RuntimeMetrics register(MeterProvider meterProvider, RuntimeTelemetrySettings settings) {
    if (!settings.runtimeMetricsEnabled()) {
      return new RuntimeMetrics(null);
    }
    Meter meter = meterProvider.meterBuilder(SCOPE).setInstrumentationVersion(VireoVersion.VERSION).build();
    GcDurationMetric gc = null;
    try {
      MemoryPoolMetrics.register(meter, settings.experimental());
      gc = GcDurationMetric.register(meter, settings.captureGcCause());
      ThreadCountMetric.register(meter);
      ClassLoadingMetrics.register(meter);
      CpuMetrics.register(meter);
      if (settings.experimental()) {
        BufferPoolMetrics.register(meter);
        SystemMetrics.register(meter);
      }
    } catch (RuntimeException | LinkageError e) {
      VireoLog.warn("JVM runtime metrics are incomplete ({})", e.toString());
    }
    return new RuntimeMetrics(gc);
  }

  /** Stops listening to GC notifications (the observable instruments end with their meter provider). */
  @Override
  public void close() {
    if (gcDuration != null) {
      gcDuration.close();
    }
  }
}
