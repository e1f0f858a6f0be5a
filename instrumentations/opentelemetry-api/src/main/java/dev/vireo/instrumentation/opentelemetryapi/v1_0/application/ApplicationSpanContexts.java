package dev.vireo.instrumentation.opentelemetryapi.v1_0.application;

import dev.vireo.instrumentation.opentelemetryapi.v1_0.AgentSpans;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.TraceStateBuilder;

/** Span contexts copied between the application's API and the agent's. */
final class ApplicationSpanContexts {

  private static final String[] NO_ENTRIES = new String[0];

  private ApplicationSpanContexts() {}

  static SpanContext ofAgentSpan(Object agentSpan) {
    String traceId = AgentSpans.traceId(agentSpan);
    String spanId = AgentSpans.spanId(agentSpan);
    TraceFlags flags = TraceFlags.fromByte(AgentSpans.traceFlags(agentSpan));
    String[] stateEntries = AgentSpans.traceState(agentSpan);
    TraceState state = TraceState.getDefault();
    if (stateEntries.length > 0) {
      TraceStateBuilder builder = TraceState.builder();
      for (int i = 0; i + 1 < stateEntries.length; i += 2) {
        builder.put(stateEntries[i], stateEntries[i + 1]);
      }
      state = builder.build();
    }
    return AgentSpans.isRemote(agentSpan)
        ? SpanContext.createFromRemoteParent(traceId, spanId, flags, state)
        : SpanContext.create(traceId, spanId, flags, state);
  }

  static Object toAgent(SpanContext spanContext) {
    SpanContext context = spanContext == null ? SpanContext.getInvalid() : spanContext;
    String[] state = NO_ENTRIES;
    TraceState traceState = context.getTraceState();
    if (traceState != null && !traceState.isEmpty()) {
      String[] entries = new String[traceState.size() * 2];
      int[] i = {0};
      traceState.forEach(
          (key, value) -> {
            if (i[0] + 1 < entries.length) {
              entries[i[0]++] = key;
              entries[i[0]++] = value;
            }
          });
      state = entries;
    }
    return AgentSpans.spanContext(
        context.getTraceId(), context.getSpanId(), context.getTraceFlags().asByte(), context.isRemote(), state);
  }
}
