package dev.vireo.instrumentation.javahttpclient;

import dev.vireo.instrumentation.api.semconv.http.HttpClientAttributesGetter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;

/** Reads the HTTP client attributes from the JDK client's request and response. */
final class JavaHttpClientAttributesGetter implements HttpClientAttributesGetter<TracedHttpRequest, HttpResponse<?>> {

  @Override
  public String method(TracedHttpRequest request) {
    return request.method();
  }

  @Override
  public String url(TracedHttpRequest request) {
    URI uri = request.uri();
    return uri == null ? null : uri.toString();
  }

  @Override
  public String serverAddress(TracedHttpRequest request) {
    URI uri = request.uri();
    return uri == null ? null : uri.getHost();
  }

  @Override
  public Integer serverPort(TracedHttpRequest request) {
    URI uri = request.uri();
    if (uri == null) {
      return null;
    }
    if (uri.getPort() > 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  @Override
  public List<String> requestHeader(TracedHttpRequest request, String name) {
    // What the application set, not our propagation headers.
    return request.original().headers().allValues(name);
  }

  @Override
  public Integer statusCode(TracedHttpRequest request, HttpResponse<?> response, Throwable error) {
    return response == null ? null : response.statusCode();
  }

  @Override
  public String protocolVersion(TracedHttpRequest request, HttpResponse<?> response) {
    if (response == null || response.version() == null) {
      return null;
    }
    return response.version() == HttpClient.Version.HTTP_2 ? "2" : "1.1";
  }

  @Override
  public List<String> responseHeader(TracedHttpRequest request, HttpResponse<?> response, String name) {
    return response == null ? Collections.<String>emptyList() : response.headers().allValues(name);
  }
}
