package dev.vireo.instrumentation.jettyhttpclient9;

import io.opentelemetry.context.propagation.TextMapSetter;

/** Collects the propagation headers of a span; {@link JettyHttpRequest#injectInto} puts them on the request. */
enum PropagationHeaderSetter implements TextMapSetter<JettyHttpRequest> {
  INSTANCE;

  @Override
  public void set(JettyHttpRequest request, String key, String value) {
    if (request != null) {
      request.propagationHeaders.set(key, value);
    }
  }
}
