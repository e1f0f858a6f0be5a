package dev.vireo.instrumentation.api.semconv.code;

import dev.vireo.instrumentation.api.AttributesExtractor;
import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.SpanFamily;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;

/**
 * INTERNAL spans for a method of the application that a framework calls, named {@code {Type}.{method}} with {@code
 * code.namespace} and {@code code.function}, as the OpenTelemetry agent makes them for controller methods and Spring
 * Data repository methods.
 */
public final class CodeFunctionInstrumenters {

  static final AttributeKey<String> CODE_NAMESPACE = AttributeKey.stringKey("code.namespace");
  static final AttributeKey<String> CODE_FUNCTION = AttributeKey.stringKey("code.function");

  private CodeFunctionInstrumenters() {}

  public static Instrumenter<CodeFunction, Void> create(String instrumentationName, boolean enabled) {
    return create(instrumentationName, enabled, null);
  }

  /** @param family nested spans of this family are suppressed (null: none are) */
  public static Instrumenter<CodeFunction, Void> create(
      String instrumentationName, boolean enabled, SpanFamily family) {
    return Instrumenter.<CodeFunction, Void>builder(instrumentationName, CodeFunction::spanName)
        .addAttributesExtractor(
            new AttributesExtractor<CodeFunction, Void>() {
              @Override
              public void onStart(AttributesBuilder attributes, Context parentContext, CodeFunction function) {
                attributes.put(CODE_NAMESPACE, function.type().getName());
                attributes.put(CODE_FUNCTION, function.method());
              }

              @Override
              public void onEnd(
                  AttributesBuilder attributes, Context context, CodeFunction function, Void response, Throwable error) {}
            })
        .setEnabled(enabled)
        .setSpanFamily(family)
        .build(SpanKind.INTERNAL);
  }
}
