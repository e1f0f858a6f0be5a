package dev.vireo.instrumentation.reactornetty;

import dev.vireo.instrumentation.api.AgentLog;
import dev.vireo.instrumentation.api.InstrumentationScope;
import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.semconv.http.HttpServerInstrumenters;
import io.opentelemetry.context.Context;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/** Starts and ends the SERVER span of one Reactor Netty request through the HTTP server family. */
final class ServerSpans {

  static final Instrumenter<HttpServerRequest, HttpServerResponse> INSTRUMENTER =
      HttpServerInstrumenters.create(
          InstrumentationScope.of(ReactorNettyModule.NAME),
          ReactorNettyServerAttributesGetter.INSTANCE,
          RequestHeaders.INSTANCE);

  private ServerSpans() {}

  /** The started request, or null when no span starts (then the handler runs untouched). */
  static ServerExchange start(HttpServerRequest request, HttpServerResponse response) {
    try {
      Context parent = Context.current();
      if (!INSTRUMENTER.shouldStart(parent, request)) {
        return null;
      }
      return new ServerExchange(INSTRUMENTER.start(parent, request), request, response);
    } catch (Throwable t) {
      AgentLog.debug("reactor-netty: server span not started: {}", t);
      return null;
    }
  }

  static void end(ServerExchange exchange, Throwable error) {
    try {
      INSTRUMENTER.end(exchange.context, exchange.request, exchange.response, error);
    } catch (Throwable t) {
      AgentLog.debug("reactor-netty: server span not ended: {}", t);
    }
  }
}
