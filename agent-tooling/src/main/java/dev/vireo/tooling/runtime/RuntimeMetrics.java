package dev.vireo.tooling.runtime;

import dev.vireo.bootstrap.VireoLog;
import dev.vireo.instrumentation.api.VireoVersion;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterProvider;
import java.util.concurrent.Executor;

/**
 * The JVM runtime metrics of the semantic conventions, from the platform MXBeans: observable instruments read
 * when the metric reader collects, and GC durations from GC notifications. No thread of its own, nothing done
 * between exports.
 *
 * <p>Registering costs little on purpose (issue 21: at most 20 ms added to start-up): the agent registers these
 * instruments while it builds the SDK, inside the application's first traced call. So only the instruments are
 * created there; the MXBeans are looked up at the first collection ({@link OnFirstCollection}), and the GC listener
 * is attached by the {@code listening} executor (the agent's: a short-lived background thread).
 */
public final class RuntimeMetrics implements AutoCloseable {

  static final String SCOPE = "dev.vireo.runtime-telemetry";

  private final GcDurationMetric gcDuration;

  private RuntimeMetrics(GcDurationMetric gcDuration) {
    this.gcDuration = gcDuration;
  }

  /** {@link #register(MeterProvider, RuntimeTelemetrySettings, Executor)}, the GC listener attached at once. */
  public static RuntimeMetrics register(MeterProvider meterProvider, RuntimeTelemetrySettings settings) {
    return register(meterProvider, settings, Runnable::run);
  }

  /**
   * Registers what {@code settings} ask for; a part the JVM cannot provide is left out with a DEBUG line.
   * {@code gcListening} runs the attachment of the GC notification listener.
   */
  public static RuntimeMetrics register(
      MeterProvider meterProvider, RuntimeTelemetrySettings settings, Executor gcListening) {
    if (!settings.runtimeMetricsEnabled()) {
      return new RuntimeMetrics(null);
    }
    Meter meter = meterProvider.meterBuilder(SCOPE).setInstrumentationVersion(VireoVersion.VERSION).build();
    GcDurationMetric gc = null;
    try {
      MemoryPoolMetrics.register(meter, settings.experimental());
      gc = GcDurationMetric.register(meter, settings.captureGcCause(), gcListening);
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
