package dev.vireo.instrumentation.api.semconv.http;

import dev.vireo.instrumentation.api.SpanNameExtractor;
import io.opentelemetry.api.common.Attributes;

/**
 * {@code {method} {http.route}}: the method as normalised in the start attributes, the route the
 * server's own routing decided. {@code http.route} itself is written at the end (see {@link
 * HttpServerRoute}), so that a framework can still take back a route the server guessed.
 */
final class HttpServerSpanNames<REQUEST> implements SpanNameExtractor<REQUEST> {

  private final HttpServerAttributesGetter<REQUEST, ?> getter;

  HttpServerSpanNames(HttpServerAttributesGetter<REQUEST, ?> getter) {
    this.getter = getter;
  }

  @Override
  public String extract(REQUEST request) {
    return extract(request, Attributes.empty());
  }

  @Override
  public String extract(REQUEST request, Attributes startAttributes) {
    return HttpServerRoute.spanNameOf(startAttributes, getter.route(request));
  }
}
