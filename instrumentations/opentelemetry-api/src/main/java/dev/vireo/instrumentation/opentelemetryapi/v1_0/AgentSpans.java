package dev.vireo.instrumentation.opentelemetryapi.v1_0;

import dev.vireo.instrumentation.opentelemetryapi.common.AgentAttributes;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.TraceStateBuilder;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The agent's spans and span contexts, for the application-facing bridge (agent objects cross as Object). */
public final class AgentSpans {

  private static final String[] NO_ENTRIES = new String[0];

  private AgentSpans() {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static void setAttribute(Object span, String name, String type, Object value) {
    AttributeKey key = AgentAttributes.key(name, type);
    if (key == null) {
      return;
    }
    if (value == null) {
      // the API's way of removing an attribute
      ((Span) span).setAttribute(key, null);
    } else if (AgentAttributes.fits(type, value)) {
      ((Span) span).setAttribute(key, value);
    }
  }

  public static void addEvent(Object span, String name, Object attributes) {
    ((Span) span).addEvent(name, (Attributes) attributes);
  }

  public static void addEvent(Object span, String name, Object attributes, long timestamp, TimeUnit unit) {
    ((Span) span).addEvent(name, (Attributes) attributes, timestamp, unit);
  }

  /** {@code code} is the name of the application's {@code StatusCode}. */
  public static void setStatus(Object span, String code, String description) {
    StatusCode status;
    try {
      status = StatusCode.valueOf(code);
    } catch (IllegalArgumentException unknown) {
      return;
    }
    if (description == null) {
      ((Span) span).setStatus(status);
    } else {
      ((Span) span).setStatus(status, description);
    }
  }

  public static void recordException(Object span, Throwable exception, Object attributes) {
    ((Span) span).recordException(exception, (Attributes) attributes);
  }

  public static void updateName(Object span, String name) {
    ((Span) span).updateName(name);
  }

  public static void end(Object span) {
    ((Span) span).end();
  }

  public static void end(Object span, long timestamp, TimeUnit unit) {
    ((Span) span).end(timestamp, unit);
  }

  public static boolean isRecording(Object span) {
    return ((Span) span).isRecording();
  }

  public static void addLink(Object span, Object spanContext, Object attributes) {
    ((Span) span).addLink((SpanContext) spanContext, (Attributes) attributes);
  }

  public static String traceId(Object span) {
    return ((Span) span).getSpanContext().getTraceId();
  }

  public static String spanId(Object span) {
    return ((Span) span).getSpanContext().getSpanId();
  }

  public static byte traceFlags(Object span) {
    return ((Span) span).getSpanContext().getTraceFlags().asByte();
  }

  public static boolean isRemote(Object span) {
    return ((Span) span).getSpanContext().isRemote();
  }

  /** The trace state as key, value, key, value... (empty for the default state). */
  public static String[] traceState(Object span) {
    TraceState state = ((Span) span).getSpanContext().getTraceState();
    if (state.isEmpty()) {
      return NO_ENTRIES;
    }
    String[] entries = new String[state.size() * 2];
    int i = 0;
    for (Map.Entry<String, String> entry : state.asMap().entrySet()) {
      entries[i++] = entry.getKey();
      entries[i++] = entry.getValue();
    }
    return entries;
  }

  /** The agent's span context for one the application made (trace state as key, value, ...). */
  public static Object spanContext(String traceId, String spanId, byte flags, boolean remote, String[] traceState) {
    TraceState state = TraceState.getDefault();
    if (traceState.length > 0) {
      TraceStateBuilder builder = TraceState.builder();
      for (int i = 0; i + 1 < traceState.length; i += 2) {
        builder.put(traceState[i], traceState[i + 1]);
      }
      state = builder.build();
    }
    TraceFlags traceFlags = TraceFlags.fromByte(flags);
    return remote
        ? SpanContext.createFromRemoteParent(traceId, spanId, traceFlags, state)
        : SpanContext.create(traceId, spanId, traceFlags, state);
  }

  /** A non-recording agent span carrying a span context of the application's (its own SDK's, or propagated). */
  public static Object wrap(Object spanContext) {
    return Span.wrap((SpanContext) spanContext);
  }
}
