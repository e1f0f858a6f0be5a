package dev.vireo.instrumentation.api;

import io.opentelemetry.api.trace.StatusCode;

/** Decides the span status at the end of an operation. */
@FunctionalInterface
public interface SpanStatusExtractor<REQUEST, RESPONSE> {

  /** ERROR whenever the operation threw; UNSET otherwise. */
  static <REQUEST, RESPONSE> SpanStatusExtractor<REQUEST, RESPONSE> errorOnException() {
    return (request, response, error) -> error != null ? StatusCode.ERROR : StatusCode.UNSET;
  }

  StatusCode extract(REQUEST request, RESPONSE response, Throwable error);
}
