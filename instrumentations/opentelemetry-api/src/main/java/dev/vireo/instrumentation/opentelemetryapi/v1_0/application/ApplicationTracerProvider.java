package dev.vireo.instrumentation.opentelemetryapi.v1_0.application;

import dev.vireo.instrumentation.opentelemetryapi.v1_0.AgentTracing;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;

/** The application's tracer provider: the agent SDK's. */
public final class ApplicationTracerProvider implements TracerProvider {

  static final ApplicationTracerProvider INSTANCE = new ApplicationTracerProvider();

  private ApplicationTracerProvider() {}

  @Override
  public Tracer get(String instrumentationScopeName) {
    return new ApplicationTracer(AgentTracing.tracer(instrumentationScopeName, null, null));
  }

  @Override
  public Tracer get(String instrumentationScopeName, String instrumentationScopeVersion) {
    return new ApplicationTracer(AgentTracing.tracer(instrumentationScopeName, instrumentationScopeVersion, null));
  }
}
