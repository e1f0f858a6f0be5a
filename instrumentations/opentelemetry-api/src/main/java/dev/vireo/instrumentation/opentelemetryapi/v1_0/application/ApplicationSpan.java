package dev.vireo.instrumentation.opentelemetryapi.v1_0.application;

import dev.vireo.instrumentation.opentelemetryapi.common.application.ApplicationAttributes;
import dev.vireo.instrumentation.opentelemetryapi.v1_0.AgentSpans;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import java.util.concurrent.TimeUnit;

/**
 * An agent span seen through the application's API: what the application sets on it lands on the
 * agent's span (a SERVER span of the agent, or one the application started through the bridge).
 * Methods of API versions newer than 1.0 that the agent's SDK has (links) are implemented too;
 * the others keep the API's default (no-op) behaviour.
 */
public final class ApplicationSpan implements Span {

  final Object agentSpan;
  private volatile SpanContext spanContext;

  ApplicationSpan(Object agentSpan) {
    this.agentSpan = agentSpan;
  }

  /** The agent's span for an application span: ours unwrapped, any other (its own SDK's, propagated) by its span context. */
  static Object toAgent(Span span) {
    if (span instanceof ApplicationSpan) {
      return ((ApplicationSpan) span).agentSpan;
    }
    return AgentSpans.wrap(ApplicationSpanContexts.toAgent(span == null ? null : span.getSpanContext()));
  }

  @Override
  public <T> Span setAttribute(AttributeKey<T> key, T value) {
    if (key != null && key.getType() != null) {
      AgentSpans.setAttribute(agentSpan, key.getKey(), key.getType().name(), value);
    }
    return this;
  }

  @Override
  public Span addEvent(String name, Attributes attributes) {
    AgentSpans.addEvent(agentSpan, name, ApplicationAttributes.toAgent(attributes));
    return this;
  }

  @Override
  public Span addEvent(String name, Attributes attributes, long timestamp, TimeUnit unit) {
    AgentSpans.addEvent(agentSpan, name, ApplicationAttributes.toAgent(attributes), timestamp, unit);
    return this;
  }

  @Override
  public Span setStatus(StatusCode statusCode, String description) {
    if (statusCode != null) {
      AgentSpans.setStatus(agentSpan, statusCode.name(), description);
    }
    return this;
  }

  @Override
  public Span recordException(Throwable exception, Attributes additionalAttributes) {
    if (exception != null) {
      AgentSpans.recordException(agentSpan, exception, ApplicationAttributes.toAgent(additionalAttributes));
    }
    return this;
  }

  @Override
  public Span updateName(String name) {
    if (name != null) {
      AgentSpans.updateName(agentSpan, name);
    }
    return this;
  }

  @Override
  public void end() {
    AgentSpans.end(agentSpan);
  }

  @Override
  public void end(long timestamp, TimeUnit unit) {
    AgentSpans.end(agentSpan, timestamp, unit);
  }

  @Override
  public SpanContext getSpanContext() {
    SpanContext context = spanContext;
    if (context == null) {
      context = ApplicationSpanContexts.ofAgentSpan(agentSpan);
      spanContext = context;
    }
    return context;
  }

  @Override
  public boolean isRecording() {
    return AgentSpans.isRecording(agentSpan);
  }

  /** API 1.37 and later. */
  @Override
  public Span addLink(SpanContext linked) {
    return addLink(linked, Attributes.empty());
  }

  /** API 1.37 and later. */
  @Override
  public Span addLink(SpanContext linked, Attributes attributes) {
    if (linked != null && linked.isValid()) {
      AgentSpans.addLink(agentSpan, ApplicationSpanContexts.toAgent(linked), ApplicationAttributes.toAgent(attributes));
    }
    return this;
  }

  @Override
  public String toString() {
    return "ApplicationSpan{" + agentSpan + "}";
  }
}
