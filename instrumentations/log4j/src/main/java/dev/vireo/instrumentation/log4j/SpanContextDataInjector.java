package dev.vireo.instrumentation.log4j;

import dev.vireo.instrumentation.api.semconv.logs.LoggingContextKeys;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import java.util.List;
import org.apache.logging.log4j.core.ContextDataInjector;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.util.ReadOnlyStringMap;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.apache.logging.log4j.util.StringMap;

/**
 * Log4j's own injector (ThreadContext, configuration properties), then the current span's ids. Log4j calls it
 * once per event, on the logging thread; keys the application set itself are kept.
 */
final class SpanContextDataInjector implements ContextDataInjector {

  private final ContextDataInjector delegate;

  private SpanContextDataInjector(ContextDataInjector delegate) {
    this.delegate = delegate;
  }

  static ContextDataInjector wrap(ContextDataInjector injector) {
    if (injector == null || injector instanceof SpanContextDataInjector) {
      return injector;
    }
    return new SpanContextDataInjector(injector);
  }

  @Override
  public StringMap injectContextData(List<Property> properties, StringMap reusable) {
    StringMap contextData = delegate.injectContextData(properties, reusable);
    SpanContext span = LoggingContextKeys.spanContextOf(Context.current());
    if (span == null || contextData.containsKey(LoggingContextKeys.TRACE_ID)) {
      return contextData;
    }
    // the ThreadContext's own map may come back as is (frozen): never write into it
    StringMap result = contextData.isFrozen() ? new SortedArrayStringMap(contextData) : contextData;
    putIfAbsent(result, LoggingContextKeys.TRACE_ID, span.getTraceId());
    putIfAbsent(result, LoggingContextKeys.SPAN_ID, span.getSpanId());
    putIfAbsent(result, LoggingContextKeys.TRACE_FLAGS, span.getTraceFlags().asHex());
    return result;
  }

  private static void putIfAbsent(StringMap map, String key, String value) {
    if (!map.containsKey(key)) {
      map.putValue(key, value);
    }
  }

  @Override
  public ReadOnlyStringMap rawContextData() {
    return delegate.rawContextData();
  }
}
