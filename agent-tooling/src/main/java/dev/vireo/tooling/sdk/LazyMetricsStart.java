package dev.vireo.tooling.sdk;

import dev.vireo.bootstrap.VireoLog;
import dev.vireo.instrumentation.api.InstrumentationConfig;
import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.tooling.BackgroundTask;
import dev.vireo.tooling.runtime.RuntimeTelemetrySettings;

/**
 * The first metric export, due {@code otel.metric.export.interval} after start, made by one short-lived daemon
 * thread. The SDK is built on the first span; an application that makes none still owes its runtime metrics to the
 * collector (and so do the gauges of a connection pool that waits for the SDK), so the thread builds the SDK if
 * nothing did yet. When a span built it, the OTLP metric exporter is still to be built ({@link
 * DeferredOtlpMetricReader}): the thread has it built and the first export made. Until then the metrics pipeline
 * costs nothing.
 */
public final class LazyMetricsStart implements Runnable {

  private final AgentSdk sdk;
  private final long delayMillis;
  private final boolean buildsSdk;

  private LazyMetricsStart(AgentSdk sdk, long delayMillis, boolean buildsSdk) {
    this.sdk = sdk;
    this.delayMillis = delayMillis;
    this.buildsSdk = buildsSdk;
  }

  /** Schedules the start when a metrics exporter is configured (the default); the SDK is built for runtime metrics. */
  public static void scheduleFor(AgentSdk sdk, InstrumentationConfig config) {
    RuntimeTelemetrySettings settings = RuntimeTelemetrySettings.from(config);
    if (settings.metricsExported()) {
      schedule(sdk, settings.exportIntervalMillis(), settings.runtimeMetricsEnabled());
    }
  }

  static void schedule(AgentSdk sdk, long delayMillis, boolean buildsSdk) {
    BackgroundTask.start("vireo-metrics-start", new LazyMetricsStart(sdk, delayMillis, buildsSdk));
  }

  @Override
  public void run() {
    try {
      Thread.sleep(delayMillis);
      if (sdk.isBuilt()) {
        sdk.startDeferredMetricExport(); // autoconfigured readers already run on their own schedule
      } else if (buildsSdk || VireoTelemetry.isAwaited()) { // runtime metrics, or a pool's (VireoTelemetry.whenBuilt)
        VireoTelemetry.get();
        sdk.flushMetrics();
      } else {
        sdk.startMetricExportWhenBuilt();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | LinkageError e) {
      VireoLog.debug("metrics pipeline not started ({})", e.toString());
    }
  }
}
