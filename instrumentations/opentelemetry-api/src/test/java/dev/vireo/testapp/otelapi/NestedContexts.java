package dev.vireo.testapp.otelapi;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Application code that makes its own contexts current, asking the agent side ({@code agent}: a
 * question in, the agent's answer out) what it sees at each step.
 */
public final class NestedContexts implements Function<Function<String, String>, Map<String, String>> {

  private static final ContextKey<String> CART = ContextKey.named("cart");

  @Override
  public Map<String, String> apply(Function<String, String> agent) {
    Map<String, String> seen = new LinkedHashMap<>();
    seen.put("before.valid", String.valueOf(Span.current().getSpanContext().isValid()));
    Span manual = GlobalOpenTelemetry.getTracer("shop.cart").spanBuilder("cart-update").startSpan();
    seen.put("manual.traceId", manual.getSpanContext().getTraceId());
    seen.put("manual.spanId", manual.getSpanContext().getSpanId());
    try (Scope ignored = manual.makeCurrent()) {
      seen.put("agent.span", agent.apply("span"));
      try (Scope withBaggage = Baggage.current().toBuilder().put("tenant", "acme").build().makeCurrent()) {
        seen.put("agent.baggage", agent.apply("baggage"));
        seen.put("agent.span.with-baggage", agent.apply("span"));
        try (Scope withCart = Context.current().with(CART, "3 items").makeCurrent()) {
          seen.put("cart", Context.current().get(CART));
          seen.put("cart.spanId", Span.current().getSpanContext().getSpanId());
          seen.put("agent.child", agent.apply("child-span"));
          seen.put("cart.after-agent", Context.current().get(CART));
        }
        seen.put("cart.closed", String.valueOf(Context.current().get(CART)));
      }
      seen.put("agent.baggage.closed", agent.apply("baggage"));
    } finally {
      manual.end();
    }
    seen.put("agent.span.closed", agent.apply("span"));
    seen.put("after.valid", String.valueOf(Span.current().getSpanContext().isValid()));
    return seen;
  }
}
