package dev.vireo.instrumentation.opentelemetryapi.v1_0.application;

import dev.vireo.instrumentation.opentelemetryapi.common.application.ApplicationAttributes;
import dev.vireo.instrumentation.opentelemetryapi.v1_0.AgentTracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import java.util.concurrent.TimeUnit;

/** The application's span builder over the agent's: the parent defaults to the current (agent) context. */
public final class ApplicationSpanBuilder implements SpanBuilder {

  private final Object agentBuilder;

  ApplicationSpanBuilder(Object agentBuilder) {
    this.agentBuilder = agentBuilder;
  }

  @Override
  public SpanBuilder setParent(Context context) {
    if (context != null) {
      AgentTracing.setParent(agentBuilder, ApplicationContext.toAgent(context));
    }
    return this;
  }

  @Override
  public SpanBuilder setNoParent() {
    AgentTracing.setNoParent(agentBuilder);
    return this;
  }

  @Override
  public SpanBuilder addLink(SpanContext spanContext) {
    return addLink(spanContext, Attributes.empty());
  }

  @Override
  public SpanBuilder addLink(SpanContext spanContext, Attributes attributes) {
    if (spanContext != null && spanContext.isValid()) {
      AgentTracing.addLink(
          agentBuilder, ApplicationSpanContexts.toAgent(spanContext), ApplicationAttributes.toAgent(attributes));
    }
    return this;
  }

  @Override
  public SpanBuilder setAttribute(String key, String value) {
    return setAttribute(AttributeKey.stringKey(key), value);
  }

  @Override
  public SpanBuilder setAttribute(String key, long value) {
    return setAttribute(AttributeKey.longKey(key), value);
  }

  @Override
  public SpanBuilder setAttribute(String key, double value) {
    return setAttribute(AttributeKey.doubleKey(key), value);
  }

  @Override
  public SpanBuilder setAttribute(String key, boolean value) {
    return setAttribute(AttributeKey.booleanKey(key), value);
  }

  @Override
  public <T> SpanBuilder setAttribute(AttributeKey<T> key, T value) {
    if (key != null && key.getType() != null) {
      AgentTracing.setAttribute(agentBuilder, key.getKey(), key.getType().name(), value);
    }
    return this;
  }

  @Override
  public SpanBuilder setSpanKind(SpanKind spanKind) {
    if (spanKind != null) {
      AgentTracing.setSpanKind(agentBuilder, spanKind.name());
    }
    return this;
  }

  @Override
  public SpanBuilder setStartTimestamp(long startTimestamp, TimeUnit unit) {
    AgentTracing.setStartTimestamp(agentBuilder, startTimestamp, unit);
    return this;
  }

  @Override
  public Span startSpan() {
    return new ApplicationSpan(AgentTracing.startSpan(agentBuilder));
  }
}
