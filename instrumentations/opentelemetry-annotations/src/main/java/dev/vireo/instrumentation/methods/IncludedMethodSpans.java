package dev.vireo.instrumentation.methods;

import dev.vireo.instrumentation.api.InstrumentationScope;
import dev.vireo.instrumentation.api.semconv.code.MethodInstrumenters;

/** The instrumenters of included methods, under this module's scope. */
final class IncludedMethodSpans {

  static final MethodInstrumenters INSTRUMENTERS =
      MethodInstrumenters.create(InstrumentationScope.of(MethodsModule.NAME));

  private IncludedMethodSpans() {}
}
