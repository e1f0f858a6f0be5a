package dev.vireo.instrumentation.api.semconv.code;

import dev.vireo.instrumentation.api.InstrumentationConfig;
import dev.vireo.instrumentation.api.Instrumenter;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;

/**
 * INTERNAL spans for the controller methods a web framework dispatches to, named
 * {@code {Controller}.{method}} with {@code code.namespace} and {@code code.function}, as the
 * OpenTelemetry agent makes them. Off by default (the SERVER span already names the route); on with
 * {@code otel.instrumentation.common.experimental.controller-telemetry.enabled=true}.
 */
public final class ControllerInstrumenters {

  static final AttributeKey<String> CODE_NAMESPACE = AttributeKey.stringKey("code.namespace");
  static final AttributeKey<String> CODE_FUNCTION = AttributeKey.stringKey("code.function");

  private ControllerInstrumenters() {}

  public static Instrumenter<CodeFunction, Void> create(String instrumentationName) {
    return Instrumenter.<CodeFunction, Void>builder(instrumentationName, CodeFunction::spanName)
        .addAttributesExtractor(
            new dev.vireo.instrumentation.api.AttributesExtractor<CodeFunction, Void>() {
              @Override
              public void onStart(AttributesBuilder attributes, Context parentContext, CodeFunction function) {
                attributes.put(CODE_NAMESPACE, function.type().getName());
                attributes.put(CODE_FUNCTION, function.method());
              }

              @Override
              public void onEnd(
                  AttributesBuilder attributes, Context context, CodeFunction function, Void response, Throwable error) {}
            })
        .setEnabled(
            InstrumentationConfig.get()
                .getBoolean("otel.instrumentation.common.experimental.controller-telemetry.enabled", false))
        .build(SpanKind.INTERNAL);
  }
}
