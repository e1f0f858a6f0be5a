package dev.vireo.tooling.sdk;

import dev.vireo.instrumentation.api.semconv.common.PendingDurations;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.logs.LoggerProvider;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.propagation.ContextPropagators;

/**
 * What instrumentations see: the SDK's tracing and propagators, and its meters and logs only where they go
 * somewhere. With {@code otel.metrics.exporter=none} the API's no-op meters, so no duration histogram is recorded
 * for nothing (the SDK's own meter provider stays real for the processors' queue counters that exporter health
 * reads); with {@code otel.logs.exporter=none} the no-op logger provider, so no log record is even built.
 */
final class ExportedSignalsOpenTelemetry implements OpenTelemetry, PendingDurations.Holder {

  // looked up once: the API's noop() methods try to load the incubator API on every call
  private static final MeterProvider NOOP_METERS = MeterProvider.noop();
  private static final LoggerProvider NOOP_LOGS = LoggerProvider.noop();

  private final OpenTelemetry delegate;
  private final boolean metrics;
  private final boolean logs;
  private final PendingDurations pendingDurations;

  /** @param pendingDurations where duration measurements wait for the metrics pipeline's start; null: none wait */
  ExportedSignalsOpenTelemetry(
      OpenTelemetry delegate, boolean metrics, boolean logs, PendingDurations pendingDurations) {
    this.delegate = delegate;
    this.metrics = metrics;
    this.logs = logs;
    this.pendingDurations = pendingDurations;
  }

  @Override
  public PendingDurations pendingDurations() {
    return metrics ? pendingDurations : null;
  }

  @Override
  public TracerProvider getTracerProvider() {
    return delegate.getTracerProvider();
  }

  @Override
  public MeterProvider getMeterProvider() {
    return metrics ? delegate.getMeterProvider() : NOOP_METERS;
  }

  @Override
  public LoggerProvider getLogsBridge() {
    return logs ? delegate.getLogsBridge() : NOOP_LOGS;
  }

  @Override
  public ContextPropagators getPropagators() {
    return delegate.getPropagators();
  }

  @Override
  public String toString() {
    return "ExportedSignalsOpenTelemetry{metrics=" + metrics + ", logs=" + logs + ", " + delegate + "}";
  }
}
