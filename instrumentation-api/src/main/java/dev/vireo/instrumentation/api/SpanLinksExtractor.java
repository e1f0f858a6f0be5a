package dev.vireo.instrumentation.api;

import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.context.Context;

/** Adds links at span start (e.g. a batch receive linking each message's producer). */
@FunctionalInterface
public interface SpanLinksExtractor<REQUEST> {
  void extract(SpanBuilder spanBuilder, Context parentContext, REQUEST request);
}
