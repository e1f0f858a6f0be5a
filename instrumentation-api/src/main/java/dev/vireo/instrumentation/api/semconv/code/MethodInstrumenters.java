package dev.vireo.instrumentation.api.semconv.code;

import dev.vireo.instrumentation.api.AttributesExtractor;
import dev.vireo.instrumentation.api.Instrumenter;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import java.util.EnumMap;
import java.util.Map;

/**
 * Spans around methods the application asked to trace ({@code @WithSpan}, method includes), as the
 * OpenTelemetry agent makes them: named by the annotation or {@code {Class}.{method}}, of the kind the
 * annotation gives (INTERNAL by default), with {@code code.namespace}, {@code code.function} and the
 * {@code @SpanAttribute} arguments; the exception of a failed call is recorded. One instrumenter per
 * span kind, since the kind is the method's.
 */
public final class MethodInstrumenters {

  private final Map<SpanKind, Instrumenter<TracedMethod.Call, Object>> byKind = new EnumMap<>(SpanKind.class);

  private MethodInstrumenters(String instrumentationName) {
    for (SpanKind kind : SpanKind.values()) {
      byKind.put(
          kind,
          Instrumenter.<TracedMethod.Call, Object>builder(instrumentationName, call -> call.method().spanName())
              .addAttributesExtractor(MethodAttributes.INSTANCE)
              .build(kind));
    }
  }

  public static MethodInstrumenters create(String instrumentationName) {
    return new MethodInstrumenters(instrumentationName);
  }

  public Instrumenter<TracedMethod.Call, Object> forMethod(TracedMethod method) {
    return byKind.get(method.kind());
  }

  private enum MethodAttributes implements AttributesExtractor<TracedMethod.Call, Object> {
    INSTANCE;

    @Override
    public void onStart(AttributesBuilder attributes, Context parentContext, TracedMethod.Call call) {
      attributes.put(CodeFunctionInstrumenters.CODE_NAMESPACE, call.method().type().getName());
      attributes.put(CodeFunctionInstrumenters.CODE_FUNCTION, call.method().method());
      attributes.putAll(call.arguments());
    }

    @Override
    public void onEnd(AttributesBuilder attributes, Context context, TracedMethod.Call call, Object response, Throwable error) {}
  }
}
