package dev.vireo.tooling.sdk;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.propagation.ContextPropagators;

/**
 * What instrumentations see when no metrics exporter is configured: the SDK's tracing and propagators, and the
 * API's no-op meters, so no duration histogram is recorded for nothing. (The SDK's own meter provider stays real
 * for the span processor's queue counters that exporter health reads.)
 */
final class TracesOnlyOpenTelemetry implements OpenTelemetry {

  private final OpenTelemetry delegate;

  TracesOnlyOpenTelemetry(OpenTelemetry delegate) {
    this.delegate = delegate;
  }

  @Override
  public TracerProvider getTracerProvider() {
    return delegate.getTracerProvider();
  }

  @Override
  public ContextPropagators getPropagators() {
    return delegate.getPropagators();
  }

  @Override
  public String toString() {
    return "TracesOnlyOpenTelemetry{" + delegate + "}";
  }
}
