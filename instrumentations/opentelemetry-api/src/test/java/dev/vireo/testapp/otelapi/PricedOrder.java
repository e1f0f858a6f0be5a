package dev.vireo.testapp.otelapi;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Application code using its own OpenTelemetry API (only what API 1.0 has) inside a request the
 * agent traces: enriches the current span, starts a manual child that runs a query. Returns what it
 * saw.
 */
public final class PricedOrder implements Function<Connection, Map<String, String>> {

  @Override
  public Map<String, String> apply(Connection connection) {
    Map<String, String> seen = new LinkedHashMap<>();
    Span request = Span.current();
    seen.put("current.traceId", request.getSpanContext().getTraceId());
    seen.put("current.spanId", request.getSpanContext().getSpanId());
    seen.put("current.recording", String.valueOf(request.isRecording()));
    seen.put("baggage.tenant", String.valueOf(Baggage.current().getEntryValue("tenant")));
    request.setAttribute("order.id", "42");
    request.setAttribute(AttributeKey.longKey("order.items"), 3L);
    request.addEvent("order.priced", Attributes.of(AttributeKey.stringKey("currency"), "EUR"));
    request.recordException(new IllegalStateException("stock checked late"));
    request.setStatus(StatusCode.ERROR, "partly out of stock");

    Tracer tracer = GlobalOpenTelemetry.getTracer("shop.pricing", "1.2");
    Span quote = tracer.spanBuilder("price-quote").setAttribute("quote.currency", "EUR").startSpan();
    try (Scope ignored = quote.makeCurrent()) {
      seen.put("inside.spanId", Span.current().getSpanContext().getSpanId());
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT 1")) {
        rows.next();
      } catch (SQLException e) {
        quote.recordException(e);
      }
    } finally {
      quote.end();
    }
    seen.put("quote.spanId", quote.getSpanContext().getSpanId());
    seen.put("after.spanId", Span.current().getSpanContext().getSpanId());
    return seen;
  }
}
