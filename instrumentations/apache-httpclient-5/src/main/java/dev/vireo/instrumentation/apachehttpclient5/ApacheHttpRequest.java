package dev.vireo.instrumentation.apachehttpclient5;

import dev.vireo.instrumentation.api.semconv.http.PropagationHeaders;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.net.URIAuthority;

/**
 * One request attempt as the HTTP client conventions see it: HttpClient's request, where it goes,
 * its resend ordinal, and the propagation headers the span wants. The headers are written onto the
 * request that goes on the wire (HttpClient's own copy, {@link #injectInto}), never onto the
 * application's request object.
 */
final class ApacheHttpRequest {

  final HttpRequest request;
  final int resendCount;
  final String url;
  final String host;
  final int port;
  final PropagationHeaders propagationHeaders = new PropagationHeaders();

  ApacheHttpRequest(HttpHost target, HttpRequest request, int resendCount) {
    this.request = request;
    this.resendCount = resendCount;
    URIAuthority authority = request.getAuthority();
    String scheme = request.getScheme();
    if (target != null) {
      this.host = target.getHostName();
      this.port = portOf(target.getPort(), target.getSchemeName());
    } else if (authority != null) {
      this.host = authority.getHostName();
      this.port = portOf(authority.getPort(), scheme);
    } else {
      this.host = null;
      this.port = -1;
    }
    this.url = urlOf(target, request);
  }

  /** Writes the propagation headers onto the request about to be sent (replacing values of the same name). */
  void injectInto(HttpRequest wire) {
    propagationHeaders.writeTo(wire::setHeader);
  }

  private static String urlOf(HttpHost target, HttpRequest request) {
    try {
      URI uri = request.getUri(); // absolute when the request knows its scheme and authority
      if (uri.isAbsolute()) {
        return uri.toString();
      }
    } catch (URISyntaxException | RuntimeException e) {
      // fall back to the target and the request path
    }
    String path = request.getPath();
    if (target == null) {
      return null;
    }
    return target.toURI() + (path == null ? "/" : path.startsWith("/") ? path : "/" + path);
  }

  private static int portOf(int port, String scheme) {
    if (port > 0) {
      return port;
    }
    return "https".equalsIgnoreCase(scheme) ? 443 : "http".equalsIgnoreCase(scheme) ? 80 : -1;
  }
}
