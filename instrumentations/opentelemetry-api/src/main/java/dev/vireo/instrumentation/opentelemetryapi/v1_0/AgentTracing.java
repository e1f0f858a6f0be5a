package dev.vireo.instrumentation.opentelemetryapi.v1_0;

import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.instrumentation.opentelemetryapi.common.AgentAttributes;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerBuilder;
import io.opentelemetry.context.Context;
import java.util.concurrent.TimeUnit;

/**
 * Tracers and span builders of the agent's SDK for the application's tracers: a tracer keeps the
 * application's instrumentation scope (name, version, schema URL), so the application's spans are
 * told apart from the agent's at the backend.
 */
public final class AgentTracing {

  private AgentTracing() {}

  public static Object tracer(String name, String version, String schemaUrl) {
    TracerBuilder builder = VireoTelemetry.get().getTracerProvider().tracerBuilder(name == null ? "" : name);
    if (version != null) {
      builder.setInstrumentationVersion(version);
    }
    if (schemaUrl != null) {
      builder.setSchemaUrl(schemaUrl);
    }
    return builder.build();
  }

  public static Object spanBuilder(Object tracer, String spanName) {
    return ((Tracer) tracer).spanBuilder(spanName);
  }

  public static void setParent(Object builder, Object context) {
    ((SpanBuilder) builder).setParent((Context) context);
  }

  public static void setNoParent(Object builder) {
    ((SpanBuilder) builder).setNoParent();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static void setAttribute(Object builder, String name, String type, Object value) {
    AttributeKey key = AgentAttributes.key(name, type);
    if (key != null && value != null && AgentAttributes.fits(type, value)) {
      ((SpanBuilder) builder).setAttribute(key, value);
    }
  }

  /** {@code kind} is the name of the application's {@code SpanKind}. */
  public static void setSpanKind(Object builder, String kind) {
    try {
      ((SpanBuilder) builder).setSpanKind(SpanKind.valueOf(kind));
    } catch (IllegalArgumentException unknown) {
      // a kind newer than the agent's API: the default (INTERNAL)
    }
  }

  public static void setStartTimestamp(Object builder, long timestamp, TimeUnit unit) {
    ((SpanBuilder) builder).setStartTimestamp(timestamp, unit);
  }

  public static void addLink(Object builder, Object spanContext, Object attributes) {
    ((SpanBuilder) builder).addLink((SpanContext) spanContext, (Attributes) attributes);
  }

  public static Object startSpan(Object builder) {
    return ((SpanBuilder) builder).startSpan();
  }
}
