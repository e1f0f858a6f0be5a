package dev.vireo.instrumentation.apachehttpclient5;

import dev.vireo.instrumentation.api.semconv.http.HttpClientAttributesGetter;
import dev.vireo.instrumentation.api.semconv.http.HttpProtocolVersion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.MessageHeaders;
import org.apache.hc.core5.http.ProtocolVersion;

/** What HttpClient 5 knows about a request and its response; the HTTP client family does the rest. */
final class ApacheHttpClient5AttributesGetter implements HttpClientAttributesGetter<ApacheHttpRequest, HttpResponse> {

  @Override
  public String method(ApacheHttpRequest request) {
    return request.request.getMethod();
  }

  @Override
  public String url(ApacheHttpRequest request) {
    return request.url;
  }

  @Override
  public String serverAddress(ApacheHttpRequest request) {
    return request.host;
  }

  @Override
  public Integer serverPort(ApacheHttpRequest request) {
    return request.port > 0 ? request.port : null;
  }

  @Override
  public List<String> requestHeader(ApacheHttpRequest request, String name) {
    return values(request.request, name);
  }

  @Override
  public Integer statusCode(ApacheHttpRequest request, HttpResponse response, Throwable error) {
    return response == null ? null : response.getCode();
  }

  @Override
  public String protocolVersion(ApacheHttpRequest request, HttpResponse response) {
    ProtocolVersion version = response == null ? null : response.getVersion();
    return version == null ? null : HttpProtocolVersion.of(version.getProtocol(), version.getMajor(), version.getMinor());
  }

  @Override
  public List<String> responseHeader(ApacheHttpRequest request, HttpResponse response, String name) {
    return values(response, name);
  }

  @Override
  public int resendCount(ApacheHttpRequest request) {
    return request.resendCount;
  }

  private static List<String> values(MessageHeaders message, String name) {
    Header[] headers = message.getHeaders(name);
    if (headers == null || headers.length == 0) {
      return Collections.emptyList();
    }
    List<String> values = new ArrayList<>(headers.length);
    for (Header header : headers) {
      values.add(header.getValue());
    }
    return values;
  }
}
