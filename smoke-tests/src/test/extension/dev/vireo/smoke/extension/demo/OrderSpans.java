package dev.vireo.smoke.extension.demo;

import dev.vireo.instrumentation.api.VireoTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;

/** Starts the order span and makes it current (so the HTTP call inside is its child); ends it. */
public final class OrderSpans {

  private OrderSpans() {}

  public static Object start(String orderId) {
    Span span =
        VireoTelemetry.get()
            .getTracer("dev.vireo.smoke.extension.demo")
            .spanBuilder("place " + orderId)
            .setAttribute("order.id", orderId)
            .startSpan();
    return new Object[] {span, span.makeCurrent()};
  }

  public static void end(Object state, Throwable thrown) {
    Object[] parts = (Object[]) state;
    ((Scope) parts[1]).close();
    Span span = (Span) parts[0];
    if (thrown != null) {
      span.setStatus(StatusCode.ERROR);
    }
    span.end();
  }
}
