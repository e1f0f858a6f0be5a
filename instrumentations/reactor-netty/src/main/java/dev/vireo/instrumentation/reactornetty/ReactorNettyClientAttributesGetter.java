package dev.vireo.instrumentation.reactornetty;

import dev.vireo.instrumentation.api.semconv.http.HttpClientAttributesGetter;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpVersion;
import java.net.URI;
import java.util.List;
import reactor.netty.http.client.HttpClientInfos;
import reactor.netty.http.client.HttpClientResponse;

/** Raw facts of a Reactor Netty client request and response for the HTTP client conventions. */
enum ReactorNettyClientAttributesGetter implements HttpClientAttributesGetter<HttpClientInfos, HttpClientResponse> {
  INSTANCE;

  @Override
  public String method(HttpClientInfos request) {
    return request.method().name();
  }

  @Override
  public String url(HttpClientInfos request) {
    return request.resourceUrl();
  }

  @Override
  public String serverAddress(HttpClientInfos request) {
    URI url = uri(request);
    return url == null ? null : url.getHost();
  }

  @Override
  public Integer serverPort(HttpClientInfos request) {
    URI url = uri(request);
    if (url == null) {
      return null;
    }
    if (url.getPort() > 0) {
      return url.getPort();
    }
    String scheme = url.getScheme();
    return "https".equalsIgnoreCase(scheme) || "wss".equalsIgnoreCase(scheme) ? 443 : 80;
  }

  @Override
  public List<String> requestHeader(HttpClientInfos request, String name) {
    HttpHeaders headers = request.requestHeaders();
    return headers == null ? null : headers.getAll(name);
  }

  @Override
  public Integer statusCode(HttpClientInfos request, HttpClientResponse response, Throwable error) {
    return response == null || response.status() == null ? null : response.status().code();
  }

  @Override
  public String protocolVersion(HttpClientInfos request, HttpClientResponse response) {
    HttpVersion version = response == null ? null : response.version();
    if (version == null) {
      return null;
    }
    return version.majorVersion() == 2 ? "2" : version.majorVersion() + "." + version.minorVersion();
  }

  @Override
  public List<String> responseHeader(HttpClientInfos request, HttpClientResponse response, String name) {
    return response == null ? null : response.responseHeaders().getAll(name);
  }

  private static URI uri(HttpClientInfos request) {
    String url = request.resourceUrl();
    if (url == null) {
      return null;
    }
    try {
      return URI.create(url);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
