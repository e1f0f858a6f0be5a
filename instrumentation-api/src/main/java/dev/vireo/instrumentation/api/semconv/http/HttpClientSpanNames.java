package dev.vireo.instrumentation.api.semconv.http;

import dev.vireo.instrumentation.api.SpanNameExtractor;
import io.opentelemetry.api.common.Attributes;

/** {@code {method}}, from the start attributes: the method is read and normalised once per request. */
final class HttpClientSpanNames<REQUEST> implements SpanNameExtractor<REQUEST> {

  @Override
  public String extract(REQUEST request) {
    return extract(request, Attributes.empty());
  }

  @Override
  public String extract(REQUEST request, Attributes startAttributes) {
    return HttpMethods.spanNameOfNormalized(startAttributes.get(HttpAttributes.HTTP_REQUEST_METHOD));
  }
}
