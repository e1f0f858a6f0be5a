package dev.vireo.instrumentation.apachehttpclient4;

import dev.vireo.instrumentation.api.semconv.http.PropagationHeaders;
import java.net.URI;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.client.methods.HttpRequestWrapper;
import org.apache.http.client.methods.HttpUriRequest;

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
    this.url = urlOf(target, request);
    URI uri = url == null ? null : parse(url);
    if (target != null) {
      this.host = target.getHostName();
      this.port = portOf(target.getPort(), target.getSchemeName());
    } else if (uri != null) {
      this.host = uri.getHost();
      this.port = portOf(uri.getPort(), uri.getScheme());
    } else {
      this.host = null;
      this.port = -1;
    }
  }

  /** Writes the propagation headers onto the request about to be sent (replacing values of the same name). */
  void injectInto(HttpRequest wire) {
    propagationHeaders.writeTo(wire::setHeader);
  }

  private static String urlOf(HttpHost target, HttpRequest request) {
    // HttpClient wraps the application's request and rewrites the wrapper's URI to a relative one;
    // the original (or the redirect HttpClient built) still holds the absolute URI.
    HttpRequest original = request instanceof HttpRequestWrapper ? ((HttpRequestWrapper) request).getOriginal() : request;
    if (original instanceof HttpUriRequest) {
      URI uri = ((HttpUriRequest) original).getURI();
      if (uri != null && uri.isAbsolute()) {
        return uri.toString();
      }
    }
    String uri = request.getRequestLine().getUri();
    if (uri.startsWith("http://") || uri.startsWith("https://")) {
      return uri;
    }
    if (target == null) {
      return null;
    }
    return target.toURI() + (uri.startsWith("/") ? uri : "/" + uri);
  }

  private static URI parse(String url) {
    try {
      return URI.create(url);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static int portOf(int port, String scheme) {
    if (port > 0) {
      return port;
    }
    return "https".equalsIgnoreCase(scheme) ? 443 : "http".equalsIgnoreCase(scheme) ? 80 : -1;
  }
}
