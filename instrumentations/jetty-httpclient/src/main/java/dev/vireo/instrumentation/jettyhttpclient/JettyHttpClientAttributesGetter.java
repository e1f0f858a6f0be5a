package dev.vireo.instrumentation.jettyhttpclient;

import dev.vireo.instrumentation.api.semconv.http.HttpClientAttributesGetter;
import dev.vireo.instrumentation.api.semconv.http.HttpProtocolVersion;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpVersion;

/** What Jetty's HttpClient knows about a request and its response; the HTTP client family does the rest. */
final class JettyHttpClientAttributesGetter implements HttpClientAttributesGetter<JettyHttpRequest, Response> {

  @Override
  public String method(JettyHttpRequest request) {
    return request.request.getMethod();
  }

  @Override
  public String url(JettyHttpRequest request) {
    URI uri = request.request.getURI();
    return uri == null ? null : uri.toString();
  }

  @Override
  public String serverAddress(JettyHttpRequest request) {
    return request.request.getHost();
  }

  @Override
  public Integer serverPort(JettyHttpRequest request) {
    int port = request.request.getPort();
    return port > 0 ? port : null;
  }

  @Override
  public List<String> requestHeader(JettyHttpRequest request, String name) {
    return values(request.request.getHeaders(), name);
  }

  @Override
  public Integer statusCode(JettyHttpRequest request, Response response, Throwable error) {
    // Jetty makes a response object for every exchange; status 0 until a response head arrived
    return response == null || response.getStatus() <= 0 ? null : response.getStatus();
  }

  @Override
  public String protocolVersion(JettyHttpRequest request, Response response) {
    HttpVersion version = response == null || response.getStatus() <= 0 ? null : response.getVersion();
    return version == null ? null : HttpProtocolVersion.of(version.asString());
  }

  @Override
  public List<String> responseHeader(JettyHttpRequest request, Response response, String name) {
    return response == null || response.getStatus() <= 0 ? Collections.emptyList() : values(response.getHeaders(), name);
  }

  @Override
  public int resendCount(JettyHttpRequest request) {
    return request.resendCount;
  }

  private static List<String> values(HttpFields fields, String name) {
    if (fields == null) {
      return Collections.emptyList();
    }
    List<String> values = fields.getValuesList(name);
    return values == null ? Collections.emptyList() : values;
  }
}
