package dev.vireo.instrumentation.servlet.common;

import dev.vireo.instrumentation.api.semconv.http.HttpProtocolVersion;
import dev.vireo.instrumentation.api.semconv.http.HttpServerAttributesGetter;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;

/** Reads the HTTP server attributes and the propagation headers from a servlet request and response. */
final class ServletAttributesGetter<REQUEST, RESPONSE>
    implements HttpServerAttributesGetter<REQUEST, RESPONSE>, TextMapGetter<REQUEST> {

  private final ServletApi<REQUEST, RESPONSE> api;

  ServletAttributesGetter(ServletApi<REQUEST, RESPONSE> api) {
    this.api = api;
  }

  @Override
  public String method(REQUEST request) {
    return api.method(request);
  }

  @Override
  public String scheme(REQUEST request) {
    return api.scheme(request);
  }

  @Override
  public String path(REQUEST request) {
    return api.requestUri(request);
  }

  @Override
  public String query(REQUEST request) {
    return api.queryString(request);
  }

  @Override
  public String route(REQUEST request) {
    return api.route(request);
  }

  @Override
  public String protocolVersion(REQUEST request) {
    return HttpProtocolVersion.of(api.protocol(request));
  }

  @Override
  public String serverAddress(REQUEST request) {
    return api.serverName(request);
  }

  @Override
  public Integer serverPort(REQUEST request) {
    return api.serverPort(request);
  }

  @Override
  public String peerAddress(REQUEST request) {
    return api.remoteAddr(request);
  }

  @Override
  public Integer peerPort(REQUEST request) {
    int port = api.remotePort(request);
    return port > 0 ? port : null;
  }

  @Override
  public String requestHeaderValue(REQUEST request, String name) {
    return api.header(request, name);
  }

  @Override
  public List<String> requestHeader(REQUEST request, String name) {
    Enumeration<String> values = api.headers(request, name);
    if (values == null || !values.hasMoreElements()) {
      return Collections.emptyList();
    }
    String first = values.nextElement();
    if (!values.hasMoreElements()) {
      return Collections.singletonList(first);
    }
    List<String> all = new ArrayList<>();
    all.add(first);
    while (values.hasMoreElements()) {
      all.add(values.nextElement());
    }
    return all;
  }

  @Override
  public Integer statusCode(REQUEST request, RESPONSE response, Throwable error) {
    int status = api.status(response);
    if (error != null && status < 400 && !api.isCommitted(response)) {
      return 500; // the container turns an escaping exception into a 500
    }
    return status > 0 ? status : null;
  }

  @Override
  public List<String> responseHeader(REQUEST request, RESPONSE response, String name) {
    Collection<String> values = api.responseHeaders(response, name);
    if (values == null || values.isEmpty()) {
      return Collections.emptyList();
    }
    return values instanceof List ? (List<String>) values : new ArrayList<>(values);
  }

  // Propagation headers.

  @Override
  public Iterable<String> keys(REQUEST request) {
    Enumeration<String> names = api.headerNames(request);
    return names == null ? Collections.<String>emptyList() : Collections.list(names);
  }

  @Override
  public String get(REQUEST request, String key) {
    return request == null ? null : api.header(request, key);
  }

  @Override
  public Iterator<String> getAll(REQUEST request, String key) {
    if (request == null) {
      return Collections.emptyIterator();
    }
    Enumeration<String> values = api.headers(request, key);
    if (values == null) {
      return Collections.emptyIterator();
    }
    return new Iterator<String>() {
      @Override
      public boolean hasNext() {
        return values.hasMoreElements();
      }

      @Override
      public String next() {
        return values.nextElement();
      }
    };
  }
}
