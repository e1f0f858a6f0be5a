package dev.vireo.instrumentation.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.vireo.instrumentation.api.VirtualField;
import dev.vireo.instrumentation.api.semconv.logs.LoggingContextKeys;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import java.util.Map;

/** The span of an event's logging call, and the event's MDC map with it. */
final class SpanMdc {

  /** Only events logged inside a span get an entry: outside spans this costs one empty-map check. */
  private static final VirtualField<ILoggingEvent, EventSpan> SPANS = VirtualField.create();

  private SpanMdc() {}

  static void capture(ILoggingEvent event) {
    SpanContext spanContext = LoggingContextKeys.spanContextOf(Context.current());
    if (spanContext != null) {
      SPANS.set(event, new EventSpan(spanContext));
    }
  }

  static Map<String, String> withSpan(ILoggingEvent event, Map<String, String> map) {
    EventSpan span = SPANS.get(event);
    if (span == null || LoggingContextKeys.hasAll(map)) {
      return map;
    }
    return span.mdc(map);
  }

  /** The span, and the last map built from it (patterns ask for the map once per %X). */
  private static final class EventSpan {
    private final SpanContext spanContext;
    private volatile Map<String, String> source;
    private volatile Map<String, String> withSpan;

    EventSpan(SpanContext spanContext) {
      this.spanContext = spanContext;
    }

    Map<String, String> mdc(Map<String, String> map) {
      Map<String, String> built = withSpan;
      if (built != null && source == map) {
        return built;
      }
      built = java.util.Collections.unmodifiableMap(LoggingContextKeys.withSpan(map, spanContext));
      withSpan = built;
      source = map;
      return built;
    }
  }
}
