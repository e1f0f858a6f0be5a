package dev.vireo.testapp.otelapi;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * An application that builds its own SDK and makes it global (twice, which the API alone refuses),
 * then traces through both; {@code agent} reports the agent's current span id.
 */
public final class OwnSdk implements Function<Function<String, String>, Map<String, String>> {

  @Override
  public Map<String, String> apply(Function<String, String> agent) {
    Map<String, String> seen = new LinkedHashMap<>();
    // with no span processor the SDK hands out no-op tracers
    SpanProcessor ended =
        new SpanProcessor() {
          @Override
          public void onStart(Context parentContext, ReadWriteSpan span) {}

          @Override
          public boolean isStartRequired() {
            return false;
          }

          @Override
          public void onEnd(ReadableSpan span) {
            seen.put("own.ended", span.getName());
          }

          @Override
          public boolean isEndRequired() {
            return true;
          }
        };
    OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(ended).build()).build();
    GlobalOpenTelemetry.set(sdk);
    GlobalOpenTelemetry.set(sdk);
    seen.put("global", GlobalOpenTelemetry.get().getClass().getSimpleName());
    Span own = sdk.getTracer("own").spanBuilder("own-span").startSpan();
    try (Scope ignored = own.makeCurrent()) {
      seen.put("own.traceId", own.getSpanContext().getTraceId());
      seen.put("own.spanId", own.getSpanContext().getSpanId());
      seen.put("agent.span", agent.apply("span"));
      Span global = GlobalOpenTelemetry.getTracer("shop").spanBuilder("through-global").startSpan();
      seen.put("global.traceId", global.getSpanContext().getTraceId());
      global.end();
    } finally {
      own.end();
    }
    sdk.getSdkTracerProvider().shutdown();
    return seen;
  }
}
