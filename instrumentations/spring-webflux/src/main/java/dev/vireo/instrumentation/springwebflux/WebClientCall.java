package dev.vireo.instrumentation.springwebflux;

import io.opentelemetry.context.Context;
import org.springframework.web.reactive.function.client.ClientRequest;

/**
 * One traced WebClient attempt: the request as the application built it (what the attributes
 * describe) and a builder of its copy that receives the propagation headers.
 */
final class WebClientCall {

  final ClientRequest request;
  final ClientRequest.Builder traced;
  Context context;

  WebClientCall(ClientRequest request) {
    this.request = request;
    this.traced = ClientRequest.from(request);
  }

  ClientRequest tracedRequest() {
    return traced.build();
  }
}
