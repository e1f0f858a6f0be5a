package dev.vireo.instrumentation.api;

import io.opentelemetry.api.common.Attributes;

@FunctionalInterface
public interface SpanNameExtractor<REQUEST> {
  String extract(REQUEST request);

  /**
   * The name, given the span's start attributes as well: a convention whose name repeats attribute
   * values (HTTP's {@code {method} {route}}) reads them here instead of computing them twice.
   */
  default String extract(REQUEST request, Attributes startAttributes) {
    return extract(request);
  }
}
