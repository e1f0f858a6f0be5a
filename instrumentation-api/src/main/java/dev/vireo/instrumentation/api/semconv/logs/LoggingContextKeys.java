package dev.vireo.instrumentation.api.semconv.logs;

import dev.vireo.instrumentation.api.InstrumentationConfig;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * The MDC / context-data keys that carry the current span into log lines ({@code %X{trace_id}}), named as the
 * OpenTelemetry Java agent names them and configurable the same way. One place for Logback, Log4j and any
 * other logging library.
 */
public final class LoggingContextKeys {

  public static final String TRACE_ID =
      InstrumentationConfig.get().getString("otel.instrumentation.common.logging.trace-id", "trace_id");
  public static final String SPAN_ID =
      InstrumentationConfig.get().getString("otel.instrumentation.common.logging.span-id", "span_id");
  public static final String TRACE_FLAGS =
      InstrumentationConfig.get().getString("otel.instrumentation.common.logging.trace-flags", "trace_flags");

  private LoggingContextKeys() {}

  /** The span context a log line should carry, or null outside any (valid) span. */
  public static SpanContext spanContextOf(Context context) {
    SpanContext spanContext = Span.fromContext(context).getSpanContext();
    return spanContext.isValid() ? spanContext : null;
  }

  /**
   * A copy of {@code contextData} (the library's MDC snapshot, may be null) with the span's three keys added;
   * keys the application set itself are kept.
   */
  public static Map<String, String> withSpan(Map<String, String> contextData, SpanContext spanContext) {
    Map<String, String> result =
        contextData == null ? new HashMap<String, String>(4) : new HashMap<String, String>(contextData);
    putIfAbsent(result, TRACE_ID, spanContext.getTraceId());
    putIfAbsent(result, SPAN_ID, spanContext.getSpanId());
    putIfAbsent(result, TRACE_FLAGS, spanContext.getTraceFlags().asHex());
    return result;
  }

  /** Whether {@code contextData} already holds all three keys (the application put them there itself). */
  public static boolean hasAll(Map<String, ?> contextData) {
    return contextData != null
        && contextData.containsKey(TRACE_ID)
        && contextData.containsKey(SPAN_ID)
        && contextData.containsKey(TRACE_FLAGS);
  }

  private static void putIfAbsent(Map<String, String> map, String key, String value) {
    if (!map.containsKey(key)) {
      map.put(key, value);
    }
  }
}
