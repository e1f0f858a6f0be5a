package dev.vireo.tooling.runtime;

import dev.vireo.bootstrap.VireoLog;
import dev.vireo.instrumentation.api.VireoVersion;
import dev.vireo.instrumentation.api.semconv.common.PendingDurations;
import dev.vireo.tooling.BackgroundTask;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterProvider;

/**
 * The JVM runtime metrics of the semantic conventions, from the platform MXBeans: observable instruments read
 * when the metric reader collects, and GC durations from GC notifications. No polling thread (at most a short-lived
 * one that adds the GC listener), nothing done between exports.
 */
public final class RuntimeMetrics implements AutoCloseable {

  static final String SCOPE = "dev.vireo.runtime-telemetry";

  private final GcDurationMetric gcDuration;

  private RuntimeMetrics(GcDurationMetric gcDuration) {
    this.gcDuration = gcDuration;
  }

  /** Registers what {@code settings} ask for; a part the JVM cannot provide is left out with a DEBUG line. */
  public static RuntimeMetrics register(MeterProvider meterProvider, RuntimeTelemetrySettings settings) {
    RuntimeMetrics metrics = registerGcDuration(meterProvider, settings, null);
    registerObservables(meterProvider, settings);
    return metrics;
  }

  /**
   * {@code jvm.gc.duration} alone: it listens to GC notifications, so it is registered when the SDK is built, or the
   * collections before the first export would be missed.
   */
  public static RuntimeMetrics registerGcDuration(
      MeterProvider meterProvider, RuntimeTelemetrySettings settings, PendingDurations pending) {
    if (!settings.runtimeMetricsEnabled()) {
      return new RuntimeMetrics(null);
    }
    try {
      return new RuntimeMetrics(GcDurationMetric.register(meterProvider, settings.captureGcCause(), pending));
    } catch (RuntimeException | LinkageError e) {
      VireoLog.warn("jvm.gc.duration is not recorded ({})", e.toString());
      return new RuntimeMetrics(null);
    }
  }

  /**
   * {@link #registerGcDuration} on a short-lived daemon thread: looking up the GC MXBeans and adding the listener
   * loads {@code java.lang.management} (about 20 ms of CPU), which the application's first traced call, where the SDK
   * is built, need not wait for. A collection in the few milliseconds before the listener is added is not recorded.
   */
  public static void registerGcDurationInBackground(
      MeterProvider meterProvider, RuntimeTelemetrySettings settings, PendingDurations pending) {
    if (!settings.runtimeMetricsEnabled()) {
      return;
    }
    BackgroundTask.start("vireo-gc-listener", () -> registerGcDuration(meterProvider, settings, pending));
  }

  /**
   * Everything but {@code jvm.gc.duration}: observable instruments, read only when a reader collects, so they may be
   * registered as late as just before the first collection (issue 21: their MXBean look-ups, and the classes those
   * load, cost the application's first traced call 50-100 ms of CPU when registered with the SDK).
   */
  public static void registerObservables(MeterProvider meterProvider, RuntimeTelemetrySettings settings) {
    if (!settings.runtimeMetricsEnabled()) {
      return;
    }
    try {
      Meter meter = meter(meterProvider);
      MemoryPoolMetrics.register(meter, settings.experimental());
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
  }

  static Meter meter(MeterProvider meterProvider) {
    return meterProvider.meterBuilder(SCOPE).setInstrumentationVersion(VireoVersion.VERSION).build();
  }

  /** Stops listening to GC notifications (the observable instruments end with their meter provider). */
  @Override
  public void close() {
    if (gcDuration != null) {
      gcDuration.close();
    }
  }
}
