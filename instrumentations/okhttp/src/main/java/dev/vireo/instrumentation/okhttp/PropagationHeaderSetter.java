package dev.vireo.instrumentation.okhttp;

import io.opentelemetry.context.propagation.TextMapSetter;

/** Collects traceparent, tracestate, baggage (and B3 when configured) for the request copy sent. */
enum PropagationHeaderSetter implements TextMapSetter<OkHttpRequest> {
  INSTANCE;

  @Override
  public void set(OkHttpRequest request, String key, String value) {
    if (request != null && key != null && value != null) {
      request.setPropagationHeader(key, value);
    }
  }
}
