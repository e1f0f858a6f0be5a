package dev.vireo.instrumentation.opentelemetryapi.v1_0.application;

import dev.vireo.instrumentation.opentelemetryapi.v1_0.AgentContexts;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;

/**
 * An application {@code Context} that is an agent context: the span and the baggage are the
 * agent's (converted on the way), the application's other keys live in one application context the
 * agent's context carries.
 */
public final class ApplicationContext implements Context {

  final Object agentContext;

  ApplicationContext(Object agentContext) {
    this.agentContext = agentContext;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <V> V get(ContextKey<V> key) {
    if (key == ApplicationContextKeys.SPAN) {
      Object span = AgentContexts.span(agentContext);
      return span == null ? null : (V) new ApplicationSpan(span);
    }
    if (key == ApplicationContextKeys.BAGGAGE) {
      Object baggage = AgentContexts.baggage(agentContext);
      return baggage == null ? null : (V) ApplicationBaggage.fromAgent(baggage);
    }
    Object values = AgentContexts.applicationValues(agentContext);
    return values == null ? null : ((Context) values).get(key);
  }

  @Override
  public <V> Context with(ContextKey<V> key, V value) {
    if (key == ApplicationContextKeys.SPAN) {
      return new ApplicationContext(AgentContexts.withSpan(agentContext, ApplicationSpan.toAgent((Span) value)));
    }
    if (key == ApplicationContextKeys.BAGGAGE) {
      return new ApplicationContext(
          AgentContexts.withBaggage(agentContext, ApplicationBaggage.toAgent((Baggage) value)));
    }
    Object values = AgentContexts.applicationValues(agentContext);
    Context base = values == null ? Context.root() : (Context) values;
    return new ApplicationContext(AgentContexts.withApplicationValues(agentContext, base.with(key, value)));
  }

  /** The agent's context for any application context (the application may build its own from the API's root). */
  static Object toAgent(Context context) {
    if (context instanceof ApplicationContext) {
      return ((ApplicationContext) context).agentContext;
    }
    Object agentContext = AgentContexts.root();
    if (context == null || context == Context.root()) {
      return agentContext;
    }
    Object span = context.get(ApplicationContextKeys.SPAN);
    if (span != null) {
      agentContext = AgentContexts.withSpan(agentContext, ApplicationSpan.toAgent((Span) span));
    }
    Object baggage = context.get(ApplicationContextKeys.BAGGAGE);
    if (baggage != null) {
      agentContext = AgentContexts.withBaggage(agentContext, ApplicationBaggage.toAgent((Baggage) baggage));
    }
    return AgentContexts.withApplicationValues(agentContext, context);
  }

  @Override
  public String toString() {
    return "ApplicationContext{" + agentContext + "}";
  }
}
