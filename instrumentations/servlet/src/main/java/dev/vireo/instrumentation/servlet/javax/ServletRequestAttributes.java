package dev.vireo.instrumentation.servlet.javax;

import dev.vireo.instrumentation.api.semconv.http.HttpProtocolVersion;
import dev.vireo.instrumentation.api.semconv.http.HttpServerAttributesGetter;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Reads the HTTP server attributes and the propagation headers from the servlet request and response. */
enum ServletRequestAttributes
    implements HttpServerAttributesGetter<HttpServletRequest, HttpServletResponse>, TextMapGetter<HttpServletRequest> {
  INSTANCE;

  @Override
  public String method(HttpServletRequest request) {
    return request.getMethod();
  }

  @Override
  public String scheme(HttpServletRequest request) {
    return request.getScheme();
  }

  @Override
  public String path(HttpServletRequest request) {
    return request.getRequestURI();
  }

  @Override
  public String query(HttpServletRequest request) {
    return request.getQueryString();
  }

  @Override
  public String route(HttpServletRequest request) {
    return ServletRoutes.route(request);
  }

  @Override
  public String protocolVersion(HttpServletRequest request) {
    return HttpProtocolVersion.of(request.getProtocol());
  }

  @Override
  public String serverAddress(HttpServletRequest request) {
    return request.getServerName();
  }

  @Override
  public Integer serverPort(HttpServletRequest request) {
    return request.getServerPort();
  }

  @Override
  public String clientAddress(HttpServletRequest request) {
    return request.getRemoteAddr();
  }

  @Override
  public List<String> requestHeader(HttpServletRequest request, String name) {
    Enumeration<String> values = request.getHeaders(name);
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
  public Integer statusCode(HttpServletRequest request, HttpServletResponse response, Throwable error) {
    int status = response.getStatus();
    if (error != null && status < 400 && !response.isCommitted()) {
      return 500; // the container turns an escaping exception into a 500
    }
    return status > 0 ? status : null;
  }

  @Override
  public List<String> responseHeader(HttpServletRequest request, HttpServletResponse response, String name) {
    Collection<String> values = response.getHeaders(name);
    if (values == null || values.isEmpty()) {
      return Collections.emptyList();
    }
    return values instanceof List ? (List<String>) values : new ArrayList<>(values);
  }

  // Propagation headers.

  @Override
  public Iterable<String> keys(HttpServletRequest request) {
    Enumeration<String> names = request.getHeaderNames();
    return names == null ? Collections.<String>emptyList() : Collections.list(names);
  }

  @Override
  public String get(HttpServletRequest request, String key) {
    return request == null ? null : request.getHeader(key);
  }

  @Override
  public Iterator<String> getAll(HttpServletRequest request, String key) {
    if (request == null) {
      return Collections.emptyIterator();
    }
    Enumeration<String> values = request.getHeaders(key);
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
