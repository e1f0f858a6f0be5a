package dev.vireo.instrumentation.springwebflux;

import dev.vireo.instrumentation.api.AgentLog;
import dev.vireo.instrumentation.api.InstrumentationScope;
import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.semconv.http.HttpClientInstrumenters;
import io.opentelemetry.context.Context;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;

/** Starts and ends the CLIENT span of one WebClient attempt through the HTTP client family. */
final class WebClientSpans {

  static final Instrumenter<WebClientCall, ClientResponse> INSTRUMENTER =
      HttpClientInstrumenters.create(
          InstrumentationScope.of(SpringWebFluxModule.NAME),
          WebClientAttributesGetter.INSTANCE,
          (call, key, value) -> {
            if (call != null) {
              call.traced.headers(headers -> headers.set(key, value));
            }
          });

  private WebClientSpans() {}

  /** The started attempt, or null when no span starts. */
  static WebClientCall start(ClientRequest request) {
    try {
      Context parent = Context.current();
      WebClientCall call = new WebClientCall(request);
      if (!INSTRUMENTER.shouldStart(parent, call)) {
        return null;
      }
      call.context = INSTRUMENTER.start(parent, call);
      return call;
    } catch (Throwable t) {
      AgentLog.debug("spring-webflux: client span not started: {}", t);
      return null;
    }
  }

  static void end(WebClientCall call, ClientResponse response, Throwable error) {
    try {
      INSTRUMENTER.end(call.context, call, response, error);
    } catch (Throwable t) {
      AgentLog.debug("spring-webflux: client span not ended: {}", t);
    }
  }
}
