package dev.vireo.instrumentation.opentelemetryapi.logs;

import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.instrumentation.opentelemetryapi.common.AgentAttributes;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.logs.LoggerBuilder;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import java.util.concurrent.TimeUnit;

/** The agent SDK's loggers and log record builders for the application's logs API (agent objects cross as Object). */
public final class AgentLogs {

  private AgentLogs() {}

  public static Object logger(String name, String version, String schemaUrl) {
    LoggerBuilder builder = VireoTelemetry.get().getLogsBridge().loggerBuilder(name == null ? "" : name);
    if (version != null) {
      builder.setInstrumentationVersion(version);
    }
    if (schemaUrl != null) {
      builder.setSchemaUrl(schemaUrl);
    }
    return builder.build();
  }

  public static Object logRecordBuilder(Object logger) {
    return ((io.opentelemetry.api.logs.Logger) logger).logRecordBuilder();
  }

  public static void setTimestamp(Object builder, long timestamp, TimeUnit unit) {
    ((LogRecordBuilder) builder).setTimestamp(timestamp, unit);
  }

  public static void setObservedTimestamp(Object builder, long timestamp, TimeUnit unit) {
    ((LogRecordBuilder) builder).setObservedTimestamp(timestamp, unit);
  }

  /** The record's span, given by its ids (the application's context is not the agent's type). */
  public static void setSpanContext(Object builder, String traceId, String spanId, byte flags) {
    SpanContext spanContext = SpanContext.create(traceId, spanId, TraceFlags.fromByte(flags), TraceState.getDefault());
    ((LogRecordBuilder) builder).setContext(Context.root().with(Span.wrap(spanContext)));
  }

  /** {@code severity} is the name of the application's {@code Severity}. */
  public static void setSeverity(Object builder, String severity) {
    try {
      ((LogRecordBuilder) builder).setSeverity(Severity.valueOf(severity));
    } catch (IllegalArgumentException unknown) {
      // a severity newer than the agent's API: left unset
    }
  }

  public static void setSeverityText(Object builder, String text) {
    ((LogRecordBuilder) builder).setSeverityText(text);
  }

  public static void setBody(Object builder, String body) {
    ((LogRecordBuilder) builder).setBody(body);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static void setAttribute(Object builder, String name, String type, Object value) {
    AttributeKey key = AgentAttributes.key(name, type);
    if (key != null && value != null && AgentAttributes.fits(type, value)) {
      ((LogRecordBuilder) builder).setAttribute(key, value);
    }
  }

  public static void emit(Object builder) {
    ((LogRecordBuilder) builder).emit();
  }
}
