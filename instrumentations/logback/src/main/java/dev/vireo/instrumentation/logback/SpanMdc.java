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
   * when no span is current; otherwise a read-only copy with them (just the ids, without a hash map, when the MDC is
   * empty).
   */
  static Map<String, String> withCurrentSpan(Map<String, String> map) {
    if (map != null && map.containsKey(LoggingContextKeys.TRACE_ID)) {
      return map;
    }
    return withCurrentSpanContext(map, LoggingContextKeys.spanContextOf(Context.current()));
  }

  /** {@code map}, which does not hold the ids yet, with those of {@code span} (null: no span, the map itself). */
  static Map<String, String> withCurrentSpanContext(Map<String, String> map, SpanContext span) {
    if (span == null) {
      return map;
    }
    if (map != null && map.isEmpty()) {
      Map<String, String> ids = SpanIdsMap.of(span);
      if (ids != null) {
        return ids;
      }
    }
    return Collections.unmodifiableMap(LoggingContextKeys.withSpan(map, span));
  }
}
