package dev.vireo.instrumentation.httpurlconnection;

import dev.vireo.instrumentation.api.semconv.http.HttpClientAttributesGetter;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Reads the HTTP client attributes from an HttpURLConnection; the response is its status code. */
final class HttpUrlConnectionAttributesGetter implements HttpClientAttributesGetter<HttpURLConnection, Integer> {

  @Override
  public String method(HttpURLConnection connection) {
    return connection.getRequestMethod();
  }

  @Override
  public String url(HttpURLConnection connection) {
    return connection.getURL().toString();
  }

  @Override
  public String serverAddress(HttpURLConnection connection) {
    return connection.getURL().getHost();
  }

  @Override
  public Integer serverPort(HttpURLConnection connection) {
    URL url = connection.getURL();
    int port = url.getPort();
    return port > 0 ? port : url.getDefaultPort();
  }

  @Override
  public List<String> requestHeader(HttpURLConnection connection, String name) {
    try {
      String value = connection.getRequestProperty(name);
      return value == null ? Collections.<String>emptyList() : Collections.singletonList(value);
    } catch (IllegalStateException alreadyConnected) {
      return Collections.emptyList();
    }
  }

  @Override
  public Integer statusCode(HttpURLConnection connection, Integer status, Throwable error) {
    return status;
  }

  @Override
  public String protocolVersion(HttpURLConnection connection, Integer status) {
    if (status == null) {
      return null;
    }
    // The status line, e.g. "HTTP/1.1 200 OK"; HttpURLConnection only speaks HTTP/1.x.
    String statusLine = connection.getHeaderField(0);
    if (statusLine != null && statusLine.startsWith("HTTP/")) {
      int space = statusLine.indexOf(' ');
      return space > 5 ? statusLine.substring(5, space) : null;
    }
    return null;
  }

  @Override
  public List<String> responseHeader(HttpURLConnection connection, Integer status, String name) {
    for (Map.Entry<String, List<String>> header : connection.getHeaderFields().entrySet()) {
      if (header.getKey() != null && header.getKey().equalsIgnoreCase(name)) {
        return header.getValue();
      }
    }
    return Collections.emptyList();
  }
}
