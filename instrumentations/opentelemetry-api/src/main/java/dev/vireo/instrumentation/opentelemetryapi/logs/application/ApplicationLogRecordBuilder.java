package dev.vireo.instrumentation.opentelemetryapi.logs.application;

import dev.vireo.instrumentation.opentelemetryapi.logs.AgentLogs;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The application's log record builder over the agent's. Without {@code setContext} the record takes
 * the current context, which is the agent's; methods of API versions after 1.27 keep their defaults.
 */
public final class ApplicationLogRecordBuilder implements LogRecordBuilder {

  private final Object agentBuilder;

  ApplicationLogRecordBuilder(Object agentBuilder) {
    this.agentBuilder = agentBuilder;
  }

  @Override
  public LogRecordBuilder setTimestamp(long timestamp, TimeUnit unit) {
    AgentLogs.setTimestamp(agentBuilder, timestamp, unit);
    return this;
  }

  @Override
  public LogRecordBuilder setTimestamp(Instant instant) {
    if (instant != null) {
      AgentLogs.setTimestamp(agentBuilder, TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano(), TimeUnit.NANOSECONDS);
    }
    return this;
  }

  @Override
  public LogRecordBuilder setObservedTimestamp(long timestamp, TimeUnit unit) {
    AgentLogs.setObservedTimestamp(agentBuilder, timestamp, unit);
    return this;
  }

  @Override
  public LogRecordBuilder setObservedTimestamp(Instant instant) {
    if (instant != null) {
      AgentLogs.setObservedTimestamp(
          agentBuilder, TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano(), TimeUnit.NANOSECONDS);
    }
    return this;
  }

  @Override
  public LogRecordBuilder setContext(Context context) {
    if (context != null) {
      SpanContext spanContext = Span.fromContext(context).getSpanContext();
      if (spanContext.isValid()) {
        AgentLogs.setSpanContext(
            agentBuilder, spanContext.getTraceId(), spanContext.getSpanId(), spanContext.getTraceFlags().asByte());
      }
    }
    return this;
  }

  @Override
  public LogRecordBuilder setSeverity(Severity severity) {
    if (severity != null) {
      AgentLogs.setSeverity(agentBuilder, severity.name());
    }
    return this;
  }

  @Override
  public LogRecordBuilder setSeverityText(String severityText) {
    AgentLogs.setSeverityText(agentBuilder, severityText);
    return this;
  }

  @Override
  public LogRecordBuilder setBody(String body) {
    AgentLogs.setBody(agentBuilder, body);
    return this;
  }

  @Override
  public <T> LogRecordBuilder setAttribute(AttributeKey<T> key, T value) {
    if (key != null && key.getType() != null) {
      AgentLogs.setAttribute(agentBuilder, key.getKey(), key.getType().name(), value);
    }
    return this;
  }

  @Override
  public void emit() {
    AgentLogs.emit(agentBuilder);
  }
}
