package dev.vireo.instrumentation.jettyhttpclient9;

import dev.vireo.instrumentation.api.semconv.http.PropagationHeaders;
import org.eclipse.jetty.client.HttpRequest;

/**
 * One request on the wire as the HTTP client conventions see it: Jetty's request, its resend
 * ordinal and the propagation headers its span wants. Jetty sends the request object itself (a
 * redirect sends a copy), so the headers go onto it, replacing any a copied request carried over.
 */
final class JettyHttpRequest {

  final HttpRequest request;
  final int resendCount;
  final PropagationHeaders propagationHeaders = new PropagationHeaders();

  JettyHttpRequest(HttpRequest request, int resendCount) {
    this.request = request;
    this.resendCount = resendCount;
  }

  void injectInto(HttpRequest wire) {
    propagationHeaders.writeTo((name, value) -> wire.header(name, null).header(name, value)); // null: remove
  }
}
