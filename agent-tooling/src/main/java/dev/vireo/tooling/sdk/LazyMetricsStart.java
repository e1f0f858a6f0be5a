package dev.vireo.tooling.sdk;

import dev.vireo.bootstrap.VireoLog;
import dev.vireo.instrumentation.api.InstrumentationConfig;
import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.tooling.runtime.RuntimeTelemetrySettings;

/**
 * The SDK is built on the first span. An application that makes none still owes its runtime metrics to the
 * collector: when the first metric export is due ({@code otel.metric.export.interval} after start), one
 * short-lived daemon thread builds the SDK if nothing did yet and has that first export made right away. Until
 * then the metrics pipeline costs nothing.
 */
public final class LazyMetricsStart implements Runnable {

  private final AgentSdk sdk;
  private final long delayMillis;

  private LazyMetricsStart(AgentSdk sdk, long delayMillis) {
    this.sdk = sdk;
    this.delayMillis = delayMillis;
  }

  /** Schedules the start when the JVM runtime metrics are wanted (they are by default). */
  public static void scheduleFor(AgentSdk sdk, InstrumentationConfig config) {
    RuntimeTelemetrySettings settings = RuntimeTelemetrySettings.from(config);
    if (settings.runtimeMetricsEnabled()) {
      schedule(sdk, settings.exportIntervalMillis());
    }
  }

  static void schedule(AgentSdk sdk, long delayMillis) {
    Thread thread = new Thread(new LazyMetricsStart(sdk, delayMillis), "vireo-metrics-start");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void run() {
    try {
      Thread.sleep(delayMillis);
      if (sdk.isBuilt()) {
        return; // a span built it: the metric reader's schedule already runs
      }
      VireoTelemetry.get();
      sdk.flushMetrics();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | LinkageError e) {
      VireoLog.debug("metrics pipeline not started ({})", e.toString());
    }
  }
}
