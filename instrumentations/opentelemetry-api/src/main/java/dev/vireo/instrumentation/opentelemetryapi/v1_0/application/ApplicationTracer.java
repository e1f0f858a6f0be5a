package dev.vireo.instrumentation.opentelemetryapi.v1_0.application;

import dev.vireo.instrumentation.opentelemetryapi.v1_0.AgentTracing;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.Tracer;

/** The application's tracer: one of the agent's SDK, under the application's instrumentation scope. */
public final class ApplicationTracer implements Tracer {

  private final Object agentTracer;

  ApplicationTracer(Object agentTracer) {
    this.agentTracer = agentTracer;
  }

  @Override
  public SpanBuilder spanBuilder(String spanName) {
    return new ApplicationSpanBuilder(AgentTracing.spanBuilder(agentTracer, spanName));
  }
}
