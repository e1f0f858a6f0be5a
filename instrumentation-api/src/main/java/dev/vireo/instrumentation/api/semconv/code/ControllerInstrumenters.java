package dev.vireo.instrumentation.api.semconv.code;

import dev.vireo.instrumentation.api.InstrumentationConfig;
import dev.vireo.instrumentation.api.Instrumenter;

/**
 * INTERNAL spans for the controller methods a web framework dispatches to ({@link CodeFunctionInstrumenters}). Off
 * by default (the SERVER span already names the route), as in the OpenTelemetry agent; on with {@code
 * otel.instrumentation.common.experimental.controller-telemetry.enabled=true}.
 */
public final class ControllerInstrumenters {

  private ControllerInstrumenters() {}

  public static Instrumenter<CodeFunction, Void> create(String instrumentationName) {
    return CodeFunctionInstrumenters.create(
        instrumentationName,
        InstrumentationConfig.get()
            .getBoolean("otel.instrumentation.common.experimental.controller-telemetry.enabled", false));
  }
}
