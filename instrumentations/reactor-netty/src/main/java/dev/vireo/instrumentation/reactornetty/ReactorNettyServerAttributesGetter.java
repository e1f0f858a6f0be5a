package dev.vireo.instrumentation.reactornetty;

import dev.vireo.instrumentation.api.semconv.http.HttpServerAttributesGetter;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CancellationException;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/** Raw facts of a Reactor Netty request and response for the HTTP server conventions. */
enum ReactorNettyServerAttributesGetter implements HttpServerAttributesGetter<HttpServerRequest, HttpServerResponse> {
  INSTANCE;

  @Override
  public String method(HttpServerRequest request) {
    return request.method().name();
  }

  @Override
  public String scheme(HttpServerRequest request) {
    return request.scheme();
  }

  @Override
  public String path(HttpServerRequest request) {
    String target = originForm(request.uri());
    int query = target.indexOf('?');
    return query < 0 ? target : target.substring(0, query);
  }

  @Override
  public String query(HttpServerRequest request) {
    String target = request.uri();
    int query = target.indexOf('?');
    return query < 0 ? null : target.substring(query + 1);
  }

  @Override
  public String route(HttpServerRequest request) {
    return null; // set by the framework that routes (Spring WebFlux)
  }

  @Override
  public String protocolVersion(HttpServerRequest request) {
    HttpVersion version = request.version();
    if (version == null) {
      return null;
    }
    return version.majorVersion() == 2 ? "2" : version.majorVersion() + "." + version.minorVersion();
  }

  @Override
  public String serverAddress(HttpServerRequest request) {
    return null; // only a Host header names it
  }

  @Override
  public Integer serverPort(HttpServerRequest request) {
    InetSocketAddress local = request.hostAddress();
    return local == null ? null : local.getPort();
  }

  @Override
  public String peerAddress(HttpServerRequest request) {
    InetSocketAddress remote = request.remoteAddress();
    return remote == null ? null : remote.getHostString();
  }

  @Override
  public Integer peerPort(HttpServerRequest request) {
    InetSocketAddress remote = request.remoteAddress();
    return remote == null ? null : remote.getPort();
  }

  @Override
  public List<String> requestHeader(HttpServerRequest request, String name) {
    return request.requestHeaders().getAll(name);
  }

  @Override
  public String requestHeaderValue(HttpServerRequest request, String name) {
    return request.requestHeaders().get(name);
  }

  @Override
  public Integer statusCode(HttpServerRequest request, HttpServerResponse response, Throwable error) {
    if (response == null) {
      return null;
    }
    if (error != null && !response.hasSentHeaders()) {
      // the handler failed before a response: Reactor Netty answers 500
      return error instanceof CancellationException ? null : 500;
    }
    return response.status() == null ? null : response.status().code();
  }

  @Override
  public List<String> responseHeader(HttpServerRequest request, HttpServerResponse response, String name) {
    return response == null ? null : response.responseHeaders().getAll(name);
  }

  /** {@code http://host/p?q} (absolute form) as {@code /p?q}. */
  private static String originForm(String uri) {
    if (uri.startsWith("/")) {
      return uri;
    }
    int scheme = uri.indexOf("://");
    if (scheme < 0) {
      return uri;
    }
    int path = uri.indexOf('/', scheme + 3);
    return path < 0 ? "/" : uri.substring(path);
  }
}
