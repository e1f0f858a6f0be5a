package dev.vireo.instrumentation.okhttp;

import dev.vireo.instrumentation.api.semconv.http.HttpClientAttributesGetter;
import java.util.Collections;
import java.util.List;
import okhttp3.Protocol;
import okhttp3.Response;

/** Reads the HTTP client attributes from OkHttp's request and response (API common to 3.x, 4.x, 5.x). */
final class OkHttpAttributesGetter implements HttpClientAttributesGetter<OkHttpRequest, Response> {

  @Override
  public String method(OkHttpRequest request) {
    return request.request.method();
  }

  @Override
  public String url(OkHttpRequest request) {
    return request.request.url().toString();
  }

  @Override
  public String serverAddress(OkHttpRequest request) {
    return request.request.url().host();
  }

  @Override
  public Integer serverPort(OkHttpRequest request) {
    return request.request.url().port(); // HttpUrl fills in the scheme's default
  }

  @Override
  public List<String> requestHeader(OkHttpRequest request, String name) {
    return request.request.headers(name);
  }

  @Override
  public Integer statusCode(OkHttpRequest request, Response response, Throwable error) {
    return response == null ? null : response.code();
  }

  @Override
  public String protocolVersion(OkHttpRequest request, Response response) {
    if (response == null) {
      return null;
    }
    Protocol protocol = response.protocol();
    return protocol == null ? null : versionOf(protocol.toString());
  }

  /** OkHttp's protocol ids: http/1.0, http/1.1, h2, h2_prior_knowledge, quic, h3... */
  static String versionOf(String protocolId) {
    if (protocolId.startsWith("http/")) {
      return protocolId.substring(5);
    }
    if (protocolId.startsWith("h2")) {
      return "2";
    }
    if (protocolId.startsWith("h3") || protocolId.equals("quic")) {
      return "3";
    }
    return null;
  }

  @Override
  public List<String> responseHeader(OkHttpRequest request, Response response, String name) {
    return response == null ? Collections.<String>emptyList() : response.headers(name);
  }

  @Override
  public int resendCount(OkHttpRequest request) {
    return request.resendCount;
  }
}
