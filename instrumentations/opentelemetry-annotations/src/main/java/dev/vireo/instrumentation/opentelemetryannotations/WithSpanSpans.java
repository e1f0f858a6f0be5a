package dev.vireo.instrumentation.opentelemetryannotations;

import dev.vireo.instrumentation.api.InstrumentationScope;
import dev.vireo.instrumentation.api.semconv.code.MethodInstrumenters;

/** The instrumenters of {@code @WithSpan} spans, under this module's scope. */
final class WithSpanSpans {

  static final MethodInstrumenters INSTRUMENTERS =
      MethodInstrumenters.create(InstrumentationScope.of(OpenTelemetryAnnotationsModule.NAME));

  private WithSpanSpans() {}
}
