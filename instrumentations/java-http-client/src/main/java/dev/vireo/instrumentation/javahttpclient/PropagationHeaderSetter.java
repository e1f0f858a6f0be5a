package dev.vireo.instrumentation.javahttpclient;

import io.opentelemetry.context.propagation.TextMapSetter;

/** Puts traceparent, tracestate, baggage (and B3 when configured) on the request the JDK will send. */
enum PropagationHeaderSetter implements TextMapSetter<TracedHttpRequest> {
  INSTANCE;

  @Override
  public void set(TracedHttpRequest request, String key, String value) {
    if (request != null && key != null && value != null) {
      request.setPropagationHeader(key, value);
    }
  }
}
