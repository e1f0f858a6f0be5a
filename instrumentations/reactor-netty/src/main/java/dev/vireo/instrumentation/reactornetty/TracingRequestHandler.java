package dev.vireo.instrumentation.reactornetty;

import io.opentelemetry.context.Scope;
import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The application's request handler, traced: a SERVER span starts when Reactor Netty hands over a
 * request (on the event loop) and is current while the handler builds its response publisher and
 * while that publisher is subscribed ({@link TracedResponse}), so the whole reactive chain is
 * subscribed under it. It ends when the response publisher terminates or is cancelled.
 */
final class TracingRequestHandler
    implements BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {

  private final BiFunction<? super HttpServerRequest, ? super HttpServerResponse, ? extends Publisher<Void>> handler;

  private TracingRequestHandler(
      BiFunction<? super HttpServerRequest, ? super HttpServerResponse, ? extends Publisher<Void>> handler) {
    this.handler = handler;
  }

  @SuppressWarnings("unchecked")
  static Object wrap(BiFunction<? super HttpServerRequest, ? super HttpServerResponse, ?> handler) {
    if (handler == null || handler instanceof TracingRequestHandler) {
      return handler;
    }
    return new TracingRequestHandler(
        (BiFunction<? super HttpServerRequest, ? super HttpServerResponse, ? extends Publisher<Void>>) handler);
  }

  @Override
  public Publisher<Void> apply(HttpServerRequest request, HttpServerResponse response) {
    ServerExchange exchange = ServerSpans.start(request, response);
    if (exchange == null) {
      return handler.apply(request, response);
    }
    Publisher<Void> result;
    try (Scope ignored = exchange.context.makeCurrent()) {
      result = handler.apply(request, response);
    } catch (Throwable t) {
      exchange.end(t);
      throw t;
    }
    return new TracedResponse(result, exchange);
  }
}
