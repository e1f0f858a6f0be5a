package dev.vireo.instrumentation.opentelemetryapi.v1_0.application;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;

/**
 * What the application's {@code GlobalOpenTelemetry.get()} returns: tracing through the agent's
 * SDK. Its propagators are the API's own W3C trace context and baggage propagators, which read and
 * write the (bridged) current span and baggage.
 */
public final class ApplicationOpenTelemetry implements OpenTelemetry {

  static final ApplicationOpenTelemetry INSTANCE = new ApplicationOpenTelemetry();

  private final ContextPropagators propagators =
      ContextPropagators.create(
          TextMapPropagator.composite(W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance()));

  private ApplicationOpenTelemetry() {}

  @Override
  public TracerProvider getTracerProvider() {
    return ApplicationTracerProvider.INSTANCE;
  }

  @Override
  public ContextPropagators getPropagators() {
    return propagators;
  }

  @Override
  public String toString() {
    return "VireoApplicationOpenTelemetry";
  }
}
