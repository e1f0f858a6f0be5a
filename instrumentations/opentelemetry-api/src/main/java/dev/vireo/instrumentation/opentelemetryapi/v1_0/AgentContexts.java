package dev.vireo.instrumentation.opentelemetryapi.v1_0;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;

/**
 * The agent's context, for the application-facing bridge: every agent object crosses as {@code
 * Object}, since the bridge's classes see the application's OpenTelemetry under the same names.
 * Values the application keeps under its own keys ride along in the agent's context as one
 * application {@code Context}, so they follow the agent's context wherever it goes (executors).
 */
public final class AgentContexts {

  private static final ContextKey<Object> APPLICATION_VALUES = ContextKey.named("vireo-application-context");

  private AgentContexts() {}

  /** The agent's current context, or null when it is the root (nothing to bridge, nothing allocated). */
  public static Object current() {
    Context current = Context.current();
    return current == Context.root() ? null : current;
  }

  public static Object root() {
    return Context.root();
  }

  /** The span in the context, or null. */
  public static Object span(Object context) {
    return Span.fromContextOrNull((Context) context);
  }

  public static Object withSpan(Object context, Object span) {
    return ((Context) context).with((Span) span);
  }

  /** The baggage in the context, or null. */
  public static Object baggage(Object context) {
    return Baggage.fromContextOrNull((Context) context);
  }

  public static Object withBaggage(Object context, Object baggage) {
    return ((Context) context).with((Baggage) baggage);
  }

  /** The application's own context values (an application {@code Context}), or null. */
  public static Object applicationValues(Object context) {
    return ((Context) context).get(APPLICATION_VALUES);
  }

  public static Object withApplicationValues(Object context, Object applicationContext) {
    return ((Context) context).with(APPLICATION_VALUES, applicationContext);
  }

  /** Makes the context current; returns the agent's scope. */
  public static Object makeCurrent(Object context) {
    return ((Context) context).makeCurrent();
  }

  public static void close(Object scope) {
    ((Scope) scope).close();
  }
}
