package dev.vireo.testapp.otelapi;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import java.util.function.Supplier;

/** A tracer from {@code GlobalOpenTelemetry.tracerBuilder} (API 1.4 and later); returns the span id. */
public final class BuiltTracer implements Supplier<String> {

  @Override
  public String get() {
    Span span =
        GlobalOpenTelemetry.tracerBuilder("shop.builder").setInstrumentationVersion("2.0").build().spanBuilder("built").startSpan();
    span.end();
    return span.getSpanContext().getSpanId();
  }
}
