package dev.vireo.instrumentation.opentelemetryapi.v1_0.application;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;

/**
 * The application API's own keys for the span and the baggage (package-private in the API): a
 * probe context records the key that {@code storeInContext} writes with. No reflection, so it
 * works on every 1.x version.
 */
final class ApplicationContextKeys {

  static final ContextKey<?> SPAN = keyOf(Span.getInvalid());
  static final ContextKey<?> BAGGAGE = keyOf(Baggage.empty());

  private ApplicationContextKeys() {}

  private static ContextKey<?> keyOf(io.opentelemetry.context.ImplicitContextKeyed value) {
    KeyProbe probe = new KeyProbe();
    value.storeInContext(probe);
    return probe.key;
  }

  private static final class KeyProbe implements Context {
    ContextKey<?> key;

    @Override
    public <V> V get(ContextKey<V> contextKey) {
      return null;
    }

    @Override
    public <V> Context with(ContextKey<V> contextKey, V value) {
      key = contextKey;
      return this;
    }
  }
}
