package dev.vireo.instrumentation.apachehttpclient5;

import io.opentelemetry.context.propagation.TextMapSetter;

/** Collects the propagation headers of a span; {@link ApacheHttpRequest#injectInto} puts them on the wire. */
enum PropagationHeaderSetter implements TextMapSetter<ApacheHttpRequest> {
  INSTANCE;

  @Override
  public void set(ApacheHttpRequest request, String key, String value) {
    if (request != null) {
      request.propagationHeaders.set(key, value);
    }
  }
}
