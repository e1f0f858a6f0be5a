package dev.vireo.instrumentation.api;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Starts and ends the span of one operation of one instrumentation: the single place where span
 * name, kind, attributes, status, propagation, suppression of nested same-family spans and
 * metrics come together. Instrumentations build one per library through a protocol family's
 * factory ({@code HttpClientInstrumenters}, ...) and call {@link #shouldStart}, {@link #start} and
 * {@link #end} from advice.
 */
public final class Instrumenter<REQUEST, RESPONSE> {

  public static <REQUEST, RESPONSE> InstrumenterBuilder<REQUEST, RESPONSE> builder(
      String instrumentationName, SpanNameExtractor<? super REQUEST> spanNameExtractor) {
    return new InstrumenterBuilder<>(instrumentationName, spanNameExtractor);
  }

  private static final ContextKey<Boolean> NO_SPAN = ContextKey.named("vireo-no-span");

  private final Tracer tracer;
  private final OpenTelemetry openTelemetry;
  private final SpanNameExtractor<? super REQUEST> spanNameExtractor;
  private final SpanKind spanKind;
  // arrays, not the builder's lists: a for-each over a list allocated an iterator per loop on every span where the
  // JIT did not inline the whole start (the WebFlux server and client spans: 243 B per request, async-profiler)
  private final AttributesExtractor<? super REQUEST, ? super RESPONSE>[] extractors;
  private final SpanStatusExtractor<? super REQUEST, ? super RESPONSE> statusExtractor;
  private final SpanLinksExtractor<? super REQUEST> linksExtractor;
  private final OperationListener[] listeners;
  private final ContextCustomizer<? super REQUEST>[] contextCustomizers;
  private final SpanFamily family;
  private final TextMapGetter<REQUEST> extractFrom;
  private final TextMapSetter<REQUEST> injectInto;
  private final boolean enabled;
  private final ExceptionTextRedactor<? super REQUEST> exceptionRedactor;

  @SuppressWarnings("unchecked") // arrays of the builder's generic elements
  Instrumenter(InstrumenterBuilder<REQUEST, RESPONSE> builder) {
    this.openTelemetry = builder.openTelemetry;
    this.tracer = openTelemetry.getTracer(builder.instrumentationName, builder.instrumentationVersion);
    this.spanNameExtractor = builder.spanNameExtractor;
    this.spanKind = builder.spanKind;
    this.extractors = builder.extractors.toArray(new AttributesExtractor[0]);
    this.statusExtractor = builder.statusExtractor;
    this.linksExtractor = builder.linksExtractor;
    this.listeners = builder.listeners.toArray(new OperationListener[0]);
    this.contextCustomizers = builder.contextCustomizers.toArray(new ContextCustomizer[0]);
    this.family = builder.family;
    this.extractFrom = builder.extractFrom;
    this.injectInto = builder.injectInto;
    this.enabled = builder.enabled;
    this.exceptionRedactor = builder.exceptionRedactor;
  }

  /** False when disabled, or when a span of the same family is already open in {@code parent}. */
  public boolean shouldStart(Context parent, REQUEST request) {
    return enabled && (family == null || !family.isActiveIn(parent));
  }

  public Context start(Context parent, REQUEST request) {
    return start(parent, request, 0L);
  }

  /**
   * Starts the span at an earlier time, for operations whose span is only known to be wanted after
   * they ran (a Kafka poll that returned records); {@code startEpochNanos <= 0} means now.
   */
  public Context start(Context parent, REQUEST request, long startEpochNanos) {
    Context parentContext = parent;
    if (extractFrom != null) {
      parentContext =
          openTelemetry.getPropagators().getTextMapPropagator().extract(parent, request, extractFrom);
    }
    if (CircuitBreakerState.isOpen()) {
      return propagateOnly(parentContext, request);
    }
    AttributesBuilder attributes = Attributes.builder();
    for (AttributesExtractor<? super REQUEST, ? super RESPONSE> extractor : extractors) {
      extractor.onStart(attributes, parentContext, request);
    }
    Attributes startAttributes = attributes.build();
    String spanName = spanNameExtractor.extract(request, startAttributes);
    SpanBuilder spanBuilder =
        tracer
            .spanBuilder(spanName)
            .setSpanKind(spanKind)
            .setParent(parentContext);
    spanBuilder.setAllAttributes(startAttributes);
    if (linksExtractor != null) {
      linksExtractor.extract(spanBuilder, parentContext, request);
    }
    if (startEpochNanos > 0) {
      spanBuilder.setStartTimestamp(startEpochNanos, TimeUnit.NANOSECONDS);
    }
    long startNanos = listeners.length == 0 ? 0 : System.nanoTime() - elapsedSince(startEpochNanos);
    Span span = spanBuilder.startSpan();
    Context context = parentContext.with(span);
    if (family != null) {
      context = family.markActive(context, span);
    }
    for (ContextCustomizer<? super REQUEST> customizer : contextCustomizers) {
      context = customizer.onStart(context, request, startAttributes, spanName);
    }
    for (OperationListener listener : listeners) {
      context = listener.onStart(context, startAttributes, startNanos);
    }
    if (injectInto != null) {
      openTelemetry.getPropagators().getTextMapPropagator().inject(context, request, injectInto);
    }
    return context;
  }

  /** How long ago an earlier start was, so that duration metrics measure from it too; 0 for now. */
  private static long elapsedSince(long startEpochNanos) {
    if (startEpochNanos <= 0) {
      return 0;
    }
    Instant now = Instant.now();
    return Math.max(0, now.getEpochSecond() * 1_000_000_000L + now.getNano() - startEpochNanos);
  }

  /**
   * While the circuit breaker is open: no span, but the parent's span context stands in for it, so
   * it is still injected downstream and nested operations of the family are still suppressed.
   */
  private Context propagateOnly(Context parentContext, REQUEST request) {
    Span standIn = Span.wrap(Span.fromContext(parentContext).getSpanContext());
    Context context = parentContext.with(standIn).with(NO_SPAN, Boolean.TRUE);
    if (family != null) {
      context = family.markActive(context, standIn);
    }
    if (injectInto != null) {
      openTelemetry.getPropagators().getTextMapPropagator().inject(context, request, injectInto);
    }
    return context;
  }

  public void end(Context context, REQUEST request, RESPONSE response, Throwable error) {
    if (context.get(NO_SPAN) != null) {
      return; // started while the circuit breaker was open
    }
    Span span = Span.fromContext(context);
    AttributesBuilder attributes = Attributes.builder();
    for (AttributesExtractor<? super REQUEST, ? super RESPONSE> extractor : extractors) {
      extractor.onEnd(attributes, context, request, response, error);
    }
    Attributes endAttributes = attributes.build();
    span.setAllAttributes(endAttributes);
    if (error != null) {
      ExceptionEvents.record(span, error, request, exceptionRedactor);
    }
    StatusCode status = statusExtractor.extract(request, response, error);
    if (status != StatusCode.UNSET) {
      span.setStatus(status);
    }
    if (listeners.length != 0) {
      long endNanos = System.nanoTime();
      for (int i = listeners.length - 1; i >= 0; i--) {
        listeners[i].onEnd(context, endAttributes, endNanos);
      }
    }
    span.end();
  }
}
