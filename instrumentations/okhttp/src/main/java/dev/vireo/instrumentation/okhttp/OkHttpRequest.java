package dev.vireo.instrumentation.okhttp;

import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.Request;

/**
 * One request attempt as the HTTP client conventions see it: OkHttp's immutable request, its resend
 * ordinal, and the propagation headers to add. The application's request is never changed; the
 * request passed on is a copy with the headers ({@link #toSend()}).
 */
final class OkHttpRequest {

  final Request request;
  final int resendCount;
  private Map<String, String> propagationHeaders;

  OkHttpRequest(Request request, int resendCount) {
    this.request = request;
    this.resendCount = resendCount;
  }

  void setPropagationHeader(String name, String value) {
    if (propagationHeaders == null) {
      propagationHeaders = new LinkedHashMap<>(4);
    }
    propagationHeaders.put(name, value);
  }

  Request toSend() {
    if (propagationHeaders == null) {
      return request;
    }
    Request.Builder copy = request.newBuilder();
    for (Map.Entry<String, String> header : propagationHeaders.entrySet()) {
      copy.header(header.getKey(), header.getValue()); // replaces a value the application set
    }
    return copy.build();
  }
}
