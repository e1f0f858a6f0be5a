package dev.vireo.instrumentation.api.semconv.messaging;

import dev.vireo.instrumentation.api.SpanLinksExtractor;
import dev.vireo.instrumentation.api.VireoTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;

/**
 * Links a batch operation (a receive) to the context each of its messages was sent in: the batch
 * has one parent, but every message its own producer.
 */
public final class MessagingLinks<REQUEST, CARRIER> implements SpanLinksExtractor<REQUEST> {

  /** The messages of a batch, as propagation carriers. */
  @FunctionalInterface
  public interface Carriers<REQUEST, CARRIER> {
    Iterable<? extends CARRIER> of(REQUEST request);
  }

  private final Carriers<REQUEST, CARRIER> carriers;
  private final TextMapGetter<CARRIER> getter;

  public MessagingLinks(Carriers<REQUEST, CARRIER> carriers, TextMapGetter<CARRIER> getter) {
    this.carriers = carriers;
    this.getter = getter;
  }

  @Override
  public void extract(SpanBuilder spanBuilder, Context parentContext, REQUEST request) {
    TextMapPropagator propagator = VireoTelemetry.get().getPropagators().getTextMapPropagator();
    for (CARRIER carrier : carriers.of(request)) {
      SpanContext sent = Span.fromContext(propagator.extract(Context.root(), carrier, getter)).getSpanContext();
      if (sent.isValid()) {
        spanBuilder.addLink(sent);
      }
    }
  }
}
