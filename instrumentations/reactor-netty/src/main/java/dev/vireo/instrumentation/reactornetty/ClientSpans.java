package dev.vireo.instrumentation.reactornetty;

import dev.vireo.instrumentation.api.AgentLog;
import dev.vireo.instrumentation.api.InstrumentationScope;
import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.ReactorContextKey;
import dev.vireo.instrumentation.api.VirtualField;
import dev.vireo.instrumentation.api.semconv.http.HttpClientInstrumenters;
import dev.vireo.instrumentation.api.semconv.http.HttpClientOuterSpan;
import io.opentelemetry.context.Context;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientInfos;
import reactor.netty.http.client.HttpClientRequest;
import reactor.netty.http.client.HttpClientResponse;

/**
 * CLIENT spans of Reactor Netty's HttpClient, one per attempt (a redirect or a resubscription is a new
 * request). The callbacks run on the event loop, where no context is current: the parent is the
 * context the Reactor instrumentation carries in the subscriber's Reactor context. The span starts
 * when the request is about to be sent (its headers still writable) and ends at the response headers,
 * or at the error; a connection that fails before any request gets a span started and ended at once.
 */
final class ClientSpans {

  static final Instrumenter<HttpClientInfos, HttpClientResponse> INSTRUMENTER =
      HttpClientInstrumenters.create(
          InstrumentationScope.of(ReactorNettyModule.NAME),
          ReactorNettyClientAttributesGetter.INSTANCE,
          (request, key, value) -> {
            if (request instanceof HttpClientRequest) {
              ((HttpClientRequest) request).header(key, value);
            }
          });

  /** The span of an attempt, keyed by its request (which is also its response object). */
  private static final VirtualField<HttpClientInfos, Context> SPANS = VirtualField.create();

  private ClientSpans() {}

  static HttpClient instrument(HttpClient client) {
    if (client == null) {
      return null;
    }
    try {
      return client
          .doOnRequest(ClientSpans::onRequest)
          .doOnResponse(ClientSpans::onResponse)
          .doOnRequestError(ClientSpans::onError)
          .doOnResponseError(ClientSpans::onError);
    } catch (Throwable t) {
      AgentLog.debug("reactor-netty: client not instrumented: {}", t);
      return client;
    }
  }

  private static Context parent(HttpClientInfos request) {
    Object carried = request.currentContextView().getOrDefault(ReactorContextKey.KEY, null);
    return carried instanceof Context ? (Context) carried : Context.current();
  }

  private static Context start(HttpClientInfos request) {
    Context parent = parent(request);
    if (!INSTRUMENTER.shouldStart(parent, request)) {
      return null;
    }
    return INSTRUMENTER.start(parent, request);
  }

  static void onRequest(HttpClientRequest request, Connection connection) {
    try {
      Context context = start(request);
      if (context != null) {
        SPANS.set(request, context);
      }
    } catch (Throwable t) {
      AgentLog.debug("reactor-netty: client span not started: {}", t);
    }
  }

  static void onResponse(HttpClientResponse response, Connection connection) {
    try {
      Context context = SPANS.take(response);
      if (context != null) {
        INSTRUMENTER.end(context, response, response, null);
      } else {
        // suppressed under WebClient's CLIENT span, which cannot see the protocol version: it gets it from here
        HttpClientOuterSpan.addProtocolVersion(
            parent(response), ReactorNettyClientAttributesGetter.INSTANCE.protocolVersion(response, response));
      }
    } catch (Throwable t) {
      AgentLog.debug("reactor-netty: client span not ended: {}", t);
    }
  }

  static void onError(HttpClientInfos requestOrResponse, Throwable error) {
    try {
      Context context = SPANS.take(requestOrResponse);
      if (context == null) {
        // failed before the request was sent (connection refused, ...): the attempt still gets its span
        context = start(requestOrResponse);
      }
      if (context != null) {
        INSTRUMENTER.end(context, requestOrResponse, null, error);
      }
    } catch (Throwable t) {
      AgentLog.debug("reactor-netty: client span not ended: {}", t);
    }
  }
}
