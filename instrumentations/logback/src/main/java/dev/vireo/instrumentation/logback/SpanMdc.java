package dev.vireo.instrumentation.logback;

import dev.vireo.instrumentation.api.semconv.logs.LoggingContextKeys;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import java.util.Collections;
import java.util.Map;

/** An event's MDC map with the current span's ids. */
final class SpanMdc {

  private SpanMdc() {}

  /**
   * The map itself when it already holds the ids (added on an earlier call, or put there by the application) or
   * when no span is current; otherwise a read-only copy with them.
   */
  static Map<String, String> withCurrentSpan(Map<String, String> map) {
    if (map != null && map.containsKey(LoggingContextKeys.TRACE_ID)) {
      return map;
    }
    SpanContext span = LoggingContextKeys.spanContextOf(Context.current());
    if (span == null) {
      return map;
    }
    return Collections.unmodifiableMap(LoggingContextKeys.withSpan(map, span));
  }
}
