package dev.vireo.instrumentation.api.semconv.http;

import java.util.List;

/**
 * What an HTTP client instrumentation tells the shared HTTP client conventions about its library's
 * request and response types. Return null for what is unknown.
 */
public interface HttpClientAttributesGetter<REQUEST, RESPONSE> {

  /** As sent, e.g. {@code GET}; normalised by the conventions. */
  String method(REQUEST request);

  /** The absolute URL; redacted by the conventions. */
  String url(REQUEST request);

  String serverAddress(REQUEST request);

  Integer serverPort(REQUEST request);

  /** All values of a request header (lower-case name); empty when absent. */
  List<String> requestHeader(REQUEST request, String name);

  Integer statusCode(REQUEST request, RESPONSE response, Throwable error);

  /** e.g. {@code 1.1}, {@code 2}. */
  String protocolVersion(REQUEST request, RESPONSE response);

  List<String> responseHeader(REQUEST request, RESPONSE response, String name);

  /** How many times this request was re-sent (redirects, retries); 0 for the first try. */
  default int resendCount(REQUEST request) {
    return 0;
  }
}
