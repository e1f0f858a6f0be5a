package dev.vireo.instrumentation.api.semconv.http;

import dev.vireo.instrumentation.api.SpanNameExtractor;
import io.opentelemetry.api.common.Attributes;

/** {@code {method} {http.route}}, from the start attributes: method and route are read once per request. */
final class HttpServerSpanNames<REQUEST> implements SpanNameExtractor<REQUEST> {

  @Override
  public String extract(REQUEST request) {
    return extract(request, Attributes.empty());
  }

  @Override
  public String extract(REQUEST request, Attributes startAttributes) {
    return HttpServerRoute.spanNameOf(startAttributes);
  }
}
