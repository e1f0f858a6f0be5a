package dev.vireo.instrumentation.reactornetty;

import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.Iterator;
import reactor.netty.http.server.HttpServerRequest;

/** Reads propagation headers from a Reactor Netty request, repeated ones included. */
enum RequestHeaders implements TextMapGetter<HttpServerRequest> {
  INSTANCE;

  @Override
  public Iterable<String> keys(HttpServerRequest request) {
    return request.requestHeaders().names();
  }

  @Override
  public String get(HttpServerRequest request, String key) {
    return request == null ? null : request.requestHeaders().get(key);
  }

  @Override
  public Iterator<String> getAll(HttpServerRequest request, String key) {
    return request.requestHeaders().getAll(key).iterator();
  }
}
